// SPDX-License-Identifier: GPL-3.0-or-later
// ecouter « Écouter l'article » button. Add to a page:
//   <script src="https://AUDIO-SERVER/player.js" defer></script>
//   <article data-ecouter> ... </article>      (data-ecouter="fr-BE" picks a voice)
// The button POSTs the element's HTML to the server that served this script, then plays the
// audio (Ogg Opus where the browser can, MP3 otherwise), with the Media Session API for the
// lock screen and headset keys. Sentence highlighting waits for the timings (issue 12).
(function () {
  "use strict";
  var script = document.currentScript;
  var server = script && script.src ? new URL(script.src).origin : "";

  function pickFormat(audio) {
    return audio.canPlayType('audio/ogg; codecs="opus"') ? "opus" : "mp3";
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
