// SPDX-License-Identifier: GPL-3.0-or-later

/// « qu' » before a mute *h*: eSpeak NG 1.51 reads « qu'homme », « qu'histoire », « qu'hier »,
/// « qu'Hidalgo » with its English voice ((en)kwh'abIt@nts for « qu'habitants »). The *h* is silent, so
/// it is dropped (« qu'omme »); « hier » becomes « ièr » so its *r* is still said. « jusqu' »,
/// « lorsqu' », « puisqu' » come out right already, and an aspirated *h* takes no elision at all.
struct QuElisionRepair: PronunciationRepair {
    func repair(_ text: inout SpokenWords) {
        var i = 0
        while i + 1 < text.words.count {
            defer { i += 1 }
            guard text.lower(i) == "qu", text.separators[i] == "'" || text.separators[i] == "’" else { continue }
            let next = text.lower(i + 1)
            guard next.hasPrefix("h"), next.count > 1, !AspiratedH.starts(next) else { continue }
            text.replace(i + 1, with: next == "hier" ? "ièr" : String(next.dropFirst()))
        }
    }
}
