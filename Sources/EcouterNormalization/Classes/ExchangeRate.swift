// SPDX-License-Identifier: GPL-3.0-or-later

/// Exchange rates: "L'euro s'échange à 1,08 dollar", "le franc suisse valait 0,94 euro". A news reader
/// says a rate as a decimal ("un virgule zéro huit dollar"), where a price with cents is said with the
/// unit between ("1,08 € le kilo" → "un euro huit"). What tells them apart is a currency named, with its
/// article, earlier in the sentence: one currency is quoted in another.
enum ExchangeRates {
    /// The first word of each currency's name ("euro", "dollar", "livre", "franc", "yen"…) and its
    /// gender, from the currency table: the names that can be quoted.
    static let names: [String: Gender] = Dictionary(
        Currencies.table.map { (firstWord(of: $0.currency), $0.currency.gender) }, uniquingKeysWith: { first, _ in first })

    /// Currency names that also weigh: « une livre de cerises », « 1,5 livre de beurre » (the unit
    /// is then followed by "de").
    static let alsoWeights: Set<String> = ["livre"]

    static func firstWord(of currency: Currency) -> String {
        String(currency.singular.split(separator: " ").first ?? "")
    }

    /// The articles a quoted currency is named with ("l'euro", "le dollar", "face au dollar", "la livre",
    /// "un euro vaut…"), by gender.
    static let masculineArticles: Set<String> = ["le", "du", "au", "un"]
    static let feminineArticles: Set<String> = ["la", "une"]
}

extension Verbalizer {
    /// Whether the decimal amount `n` in `currency` quotes another currency named before it in the
    /// sentence. Tokens are looked at once each: the scan resumes where the last call stopped.
    mutating func quotesExchangeRate(before n: ParsedNumber, in currency: Currency) -> Bool {
        while currencyScan < n.end && currencyScan < t.count {
            let k = currencyScan
            currencyScan += 1
            if isAnyPunct(k, ".!?") {
                namedCurrencies.removeAll(keepingCapacity: true)
            } else if isWord(k), length(k) <= 7, let name = namedCurrencyWord(k), !namedCurrencies.contains(name) {
                namedCurrencies.append(name)
            }
        }
        // "Le dollar recule face à l'euro, à 0,92 euro": any other currency named makes it a rate.
        let own = ExchangeRates.firstWord(of: currency)
        return namedCurrencies.contains { $0 != own }
    }

    /// Whether word `k`, a currency name that also weighs, is a weight here ("une livre de cerises").
    func isWeight(_ k: Int, named word: String) -> Bool {
        ExchangeRates.alsoWeights.contains(word) && isSpace(k + 1)
            && (isTextIgnoringCase(k + 2, "de") || isTextIgnoringCase(k + 2, "d"))
    }

    /// The currency word `k` names with its article ("l'euro", "la livre"), or nil.
    private func namedCurrencyWord(_ k: Int) -> String? {
        let word = lowerText(k)
        guard let gender = ExchangeRates.names[word], !isWeight(k, named: word) else { return nil }
        if isPunct(k - 1, "'") || isPunct(k - 1, "’") { return isTextIgnoringCase(k - 2, "l") ? word : nil }
        guard isSpace(k - 1), isWord(k - 2) || isNumber(k - 2) else { return nil }
        if isNumber(k - 2) { return isText(k - 2, "1") ? word : nil }
        let article = lowerText(k - 2)
        let articles = gender == .feminine ? ExchangeRates.feminineArticles : ExchangeRates.masculineArticles
        return articles.contains(article) ? word : nil
    }
}
