// SPDX-License-Identifier: GPL-3.0-or-later
// ecouter « Écouter l'article » button. Add to a page:
//   <script src="https://AUDIO-SERVER/player.js" defer></script>
//   <article data-ecouter> ... </article>      (data-ecouter="fr-BE" picks a voice)
// The button POSTs the element's HTML to the server that served this script, then plays the
// audio (Ogg Opus where the browser can, MP3 otherwise), with the Media Session API for the
// lock screen and headset keys. The sentence being heard is highlighted in the element itself
// (the server's timings say when each sentence is heard and what it says; each is found, in
// order, in the element's text) with the CSS Custom Highlight API, so the page's markup is not
// touched; style it with ::highlight(ecouter-sentence). The element's data-ecouter-sentence
// attribute holds the index of the sentence being heard (-1 when none), for the page's scripts.
(function () {
  "use strict";
  var script = document.currentScript;
  var server = script && script.src ? new URL(script.src).origin : "";

  function pickFormat(audio) {
    return audio.canPlayType('audio/ogg; codecs="opus"') ? "opus" : "mp3";
  }

  // The element's visible text with runs of white space made one space, and for each character
  // of it the text node and offset it came from.
  function textIndex(root) {
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    var flat = [], map = [], space = true;
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      var parent = node.parentNode ? node.parentNode.nodeName : "";
      if (parent === "SCRIPT" || parent === "STYLE" || parent === "NOSCRIPT") continue;
      var text = node.nodeValue;
      for (var k = 0; k < text.length; k++) {
        var c = text.charAt(k);
        if (/\s/.test(c)) { if (space) continue; c = " "; space = true; } else { space = false; }
        flat.push(c);
        map.push([node, k]);
      }
    }
    return { text: flat.join(""), map: map };
  }

  // One DOM range per timed sentence (null where the sentence is not found), searched in order.
  function sentenceRanges(index, timings) {
    var ranges = [], from = 0;
    timings.sentences.forEach(function (sentence) {
      var written = timings.text.slice(sentence.utf16[0], sentence.utf16[1]).replace(/\s+/g, " ").trim();
      var at = written ? index.text.indexOf(written, from) : -1;
      if (at < 0) { ranges.push(null); return; }
      var first = index.map[at], last = index.map[at + written.length - 1];
      var range = document.createRange();
      range.setStart(first[0], first[1]);
      range.setEnd(last[0], last[1] + 1);
      ranges.push(range);
      from = at + written.length;
    });
    return ranges;
  }

  var styled = false;
  function addHighlightStyle() {
    if (styled) return;
    styled = true;
    var style = document.createElement("style");
    style.textContent = "::highlight(ecouter-sentence) { background-color: #ffe58f; color: inherit; }";
    document.head.appendChild(style);
  }

  // Highlights the sentence being heard as the audio plays.
  function follow(audio, element, timings) {
    var ranges = sentenceRanges(textIndex(element), timings);
    var canHighlight = !!(window.CSS && CSS.highlights && typeof Highlight === "function");
    if (canHighlight) addHighlightStyle();
    var current = null;
    function show(i) {
      if (i === current) return;
      current = i;
      element.setAttribute("data-ecouter-sentence", String(i));
      if (!canHighlight) return;
      if (i >= 0 && ranges[i]) CSS.highlights.set("ecouter-sentence", new Highlight(ranges[i]));
      else CSS.highlights.delete("ecouter-sentence");
    }
    function update() {
      var t = audio.currentTime, sentences = timings.sentences, i = -1;
      for (var k = 0; k < sentences.length && sentences[k].start <= t; k++) i = k;
      show(audio.ended ? -1 : i);
    }
    audio.addEventListener("timeupdate", update);
    audio.addEventListener("seeked", update);
    audio.addEventListener("ended", update);
    update();
  }

  function attach(element) {
    if (element.__ecouter) return;
    element.__ecouter = true;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "ecouter-button";
    button.setAttribute("aria-pressed", "false");
    button.textContent = "Écouter l'article";
    var status = document.createElement("span");
    status.className = "ecouter-status";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    var audio = new Audio();
    audio.preload = "none";
    var loaded = false;

    function setState(playing, text) {
      button.setAttribute("aria-pressed", playing ? "true" : "false");
      button.textContent = playing ? "Mettre en pause" : "Écouter l'article";
      status.textContent = text || "";
    }

    function load() {
      button.setAttribute("aria-busy", "true");
      setState(false, "Préparation de l'audio…");
      var body = { html: element.outerHTML };
      var voice = element.getAttribute("data-ecouter");
      if (voice) body.voice = voice;
      return fetch(server + "/v1/articles", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body)
      }).then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.json();
      }).then(function (made) {
        audio.src = server + made.audio[pickFormat(audio)];
        loaded = true;
        button.removeAttribute("aria-busy");
        // The highlight is a plus: without timings the audio still plays.
        if (made.timings) {
          fetch(server + made.timings).then(function (response) {
            if (!response.ok) throw new Error("HTTP " + response.status);
            return response.json();
          }).then(function (timings) { follow(audio, element, timings); }).catch(function () {});
        }
      });
    }

    function mediaSession() {
      if (!("mediaSession" in navigator)) return;
      var heading = element.querySelector("h1, h2");
      navigator.mediaSession.metadata = new MediaMetadata({
        title: heading ? heading.textContent.trim() : document.title,
        artist: location.hostname
      });
      navigator.mediaSession.setActionHandler("play", function () { audio.play(); });
      navigator.mediaSession.setActionHandler("pause", function () { audio.pause(); });
      navigator.mediaSession.setActionHandler("seekbackward", function () { audio.currentTime = Math.max(0, audio.currentTime - 10); });
      navigator.mediaSession.setActionHandler("seekforward", function () { audio.currentTime = audio.currentTime + 10; });
    }

    button.addEventListener("click", function () {
      if (!audio.paused) { audio.pause(); return; }
      var ready = loaded ? Promise.resolve() : load();
      ready.then(function () {
        mediaSession();
        return audio.play();
      }).catch(function () {
        button.removeAttribute("aria-busy");
        setState(false, "L'audio n'est pas disponible pour le moment.");
      });
    });
    audio.addEventListener("play", function () { setState(true, "Lecture en cours"); });
    audio.addEventListener("pause", function () { setState(false, audio.ended ? "" : "En pause"); });
    audio.addEventListener("ended", function () { setState(false, "Fin de l'article"); });

    // In the page (hidden), so that the page's own scripts and tests can follow its media events.
    audio.hidden = true;
    audio.className = "ecouter-audio";
    element.parentNode.insertBefore(button, element);
    element.parentNode.insertBefore(status, element);
    element.parentNode.insertBefore(audio, element);
  }

  function start() {
    var elements = document.querySelectorAll("[data-ecouter]");
    for (var i = 0; i < elements.length; i++) attach(elements[i]);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
