// SPDX-License-Identifier: GPL-3.0-or-later

/// « d'aujourd'hui », « jusqu'aujourd'hui », « qu'aujourd'hui »: after an elision eSpeak NG 1.51 reads
/// « aujourd'hui » with its English voice ((en)d'O:dZ@dhj,u:i), one of the most frequent words of the news.
/// Written « aujourd'ui » (the *h* is silent anyway) it reads doZurdy'i in every context.
struct AujourdhuiRepair: PronunciationRepair {
    func repair(_ text: inout SpokenWords) {
        var i = 0
        while i + 1 < text.words.count {
            defer { i += 1 }
            guard text.lower(i) == "aujourd", text.separators[i] == "'" || text.separators[i] == "’",
                text.lower(i + 1) == "hui"
            else { continue }
            text.replace(i + 1, with: "ui")
        }
    }
}
