// SPDX-License-Identifier: GPL-3.0-or-later

/// The style and the script of `index.html`'s players, inline so the page works opened as a file
/// (browsers fetch nothing beside a `file://` page for a script, and `<track>` files not at all)
/// and from any static server, with no request beyond the audio itself.
///
/// The script follows the voice: the sentence being read is marked (`.current`, `aria-current`),
/// the word too where the browser has the CSS Custom Highlight API (a `Range` over the sentence's
/// text node: no element per word); a click, or Enter or Space on a sentence, seeks the audio there.
/// The sentences of a transcript form one tab stop (roving `tabindex`: arrow keys, Home and End move
/// between them), so a page of fifty articles is not a thousand Tab presses. Without the script the
/// audio player plays and the text is plain paragraphs.
enum PlayerPage {
    static let style = """
        details.transcript { margin-top: .6rem; }
        details.transcript summary { cursor: pointer; color: #444; }
        .transcript .text { line-height: 1.55; }
        .transcript .text p { margin: .5rem 0; }
        .follows-voice .sentence { cursor: pointer; border-radius: .2rem; }
        .follows-voice .sentence:hover { text-decoration: underline dotted #1a5fb4; }
        .sentence:focus-visible { outline: 2px solid #1a5fb4; outline-offset: 1px; }
        .sentence.current { background: #fff1a8; }
        ::highlight(ecouter-word) { background: #f6c343; color: #000; }
        """

    static let script = #"""
        (() => {
          "use strict";
          document.documentElement.classList.add("follows-voice");
          const wordMark = window.CSS && CSS.highlights && typeof Highlight === "function" ? new Highlight() : null;
          if (wordMark) CSS.highlights.set("ecouter-word", wordMark);
          const audios = [];

          for (const episode of document.querySelectorAll(".episode")) {
            const audio = episode.querySelector("audio");
            const details = episode.querySelector("details.transcript");
            const sentences = Array.from(episode.querySelectorAll(".sentence"));
            if (!audio || sentences.length === 0) continue;
            audios.push(audio);
            const starts = sentences.map((s) => Number(s.dataset.start));
            const ends = sentences.map((s) => Number(s.dataset.end));
            const words = new Map();  // sentence index -> [[start, end, from, to], ...], parsed when first needed
            let current = -1, rover = 0, frame = 0;

            // The last sentence that has started; 20 ms of slack for a seek that lands just before.
            const indexAt = (time) => {
              let low = 0, high = starts.length - 1, found = 0;
              while (low <= high) {
                const middle = (low + high) >> 1;
                if (starts[middle] <= time + 0.02) { found = middle; low = middle + 1; } else { high = middle - 1; }
              }
              return found;
            };
            const wordsOf = (index) => {
              if (!words.has(index)) {
                const data = sentences[index].dataset.words || "";
                words.set(index, data ? data.split(";").map((w) => w.split(" ").map(Number)) : []);
              }
              return words.get(index);
            };
            const visible = (element) => {
              const box = element.getBoundingClientRect();
              return box.bottom > 0 && box.top < window.innerHeight;
            };
            const moveRover = (index, focus) => {
              sentences[rover].tabIndex = -1;
              rover = index;
              sentences[rover].tabIndex = 0;
              if (focus) sentences[rover].focus();
            };
            const mark = (index) => {
              if (index === current) return;
              const previous = current >= 0 ? sentences[current] : null;
              if (previous) { previous.classList.remove("current"); previous.removeAttribute("aria-current"); }
              current = index;
              const sentence = sentences[index];
              sentence.classList.add("current");
              sentence.setAttribute("aria-current", "true");
              // Keyboard users keep their place; otherwise Tab comes back to where the voice is.
              if (!episode.contains(document.activeElement)) moveRover(index, false);
              // Scroll along only while the reader is following, not after they scrolled away.
              if (!audio.paused && details && details.open && (!previous || visible(previous)) && !visible(sentence)) {
                sentence.scrollIntoView({ block: "nearest" });
              }
            };
            const markWord = (index, time) => {
              if (!wordMark) return;
              wordMark.clear();
              if (time > ends[index] + 0.05) return;
              const node = sentences[index].firstChild;
              const word = wordsOf(index).filter((w) => w[0] <= time + 0.02).pop();
              if (!word || !node || node.nodeType !== Node.TEXT_NODE || word[3] > node.length) return;
              const range = new Range();
              range.setStart(node, word[2]);
              range.setEnd(node, word[3]);
              wordMark.add(range);
            };
            const follow = () => {
              const index = indexAt(audio.currentTime);
              mark(index);
              markWord(index, audio.currentTime);
            };
            const loop = () => {
              follow();
              frame = audio.paused ? 0 : requestAnimationFrame(loop);
            };
            const seek = (index) => {
              audio.currentTime = starts[index];
              mark(index);
              markWord(index, starts[index]);  // not the word of where the voice was
              if (audio.paused) audio.play().catch(() => {});
            };

            sentences.forEach((sentence, index) => {
              sentence.tabIndex = index === 0 ? 0 : -1;
              sentence.setAttribute("role", "button");
              sentence.addEventListener("click", () => { moveRover(index, false); seek(index); });
              sentence.addEventListener("keydown", (event) => {
                const target = { ArrowDown: index + 1, ArrowRight: index + 1, ArrowUp: index - 1, ArrowLeft: index - 1, Home: 0, End: sentences.length - 1 }[event.key];
                if (event.key === "Enter" || event.key === " ") {
                  event.preventDefault();
                  seek(index);
                } else if (target !== undefined) {
                  event.preventDefault();
                  moveRover(Math.max(0, Math.min(sentences.length - 1, target)), true);
                }
              });
            });
            audio.addEventListener("play", () => {
              for (const other of audios) if (other !== audio) other.pause();
              if (details) details.open = true;
              if (!frame) frame = requestAnimationFrame(loop);
            });
            // Besides the clock's ticks: wherever the position may have moved without one (a seek
            // the server could not serve falls back, a reload starts over).
            for (const name of ["timeupdate", "seeking", "seeked", "pause", "ended", "emptied", "loadedmetadata"]) audio.addEventListener(name, follow);
          }
        })();
        """#
}
