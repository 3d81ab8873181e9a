// SPDX-License-Identifier: GPL-3.0-or-later
@testable import EcouterNormalization
import Testing

/// What the word before a single period says about it, rule by rule.
@Suite("Period token roles")
struct SegmentTokenRoleTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var token: String
        var atStart: Bool = false
        var previous: String = ""
        var role: PeriodRole
        var testDescription: String { "\(token). → \(role)" }
    }

    static let cases: [Case] = [
        Case(token: "Chris", role: .ordinary),
        Case(token: "maison", role: .ordinary),
        Case(token: "l'ONU", role: .ordinary),
        Case(token: "www.lemonde.fr", role: .ordinary),
        Case(token: "jean.dupont@exemple.fr", role: .ordinary),
        Case(token: "1958", role: .ordinary),
        Case(token: "12", role: .ordinary),
        Case(token: "12", atStart: true, role: .listMarker),
        Case(token: "1958", atStart: true, role: .ordinary),
        Case(token: "II", atStart: true, role: .listMarker),
        Case(token: "XIV", role: .ordinary),
        Case(token: "a", atStart: true, role: .listMarker),
        Case(token: "a", role: .ordinary),
        Case(token: "M", role: .prefix),
        Case(token: "MM", role: .prefix),
        Case(token: "Mme", role: .prefix),
        Case(token: "Dr", role: .prefix),
        Case(token: "cf", role: .prefix),
        Case(token: "Cf", role: .prefix),
        Case(token: "p", role: .prefix),
        Case(token: "c.-à-d", role: .prefix),
        Case(token: "av", role: .prefix),
        Case(token: "etc", role: .closing),
        Case(token: "Etc", role: .closing),
        Case(token: "Inc", role: .closing),
        Case(token: "janv", role: .closing),
        Case(token: "Ph.D", role: .closing),
        Case(token: "LL.AA.II.RR", role: .closing),
        Case(token: "SNCF", role: .closing),
        Case(token: "bd", role: .prefix),
        Case(token: "qqch", role: .closing),
        Case(token: "J.-C", previous: "av.", role: .closing),
        Case(token: "J.-C", previous: "président", role: .initial),
        Case(token: "J.-P", role: .initial),
        Case(token: "J", role: .initial),
        Case(token: "E", atStart: true, role: .initial),
        Case(token: "U.S.A", role: .initial),
        Case(token: "P.A", role: .initial),
        Case(token: "vol", role: .wordlikePrefix),
        Case(token: "art", role: .wordlikePrefix),
        Case(token: "l'art", role: .wordlikePrefix),
        Case(token: "l'arr", role: .closing),
        Case(token: "ex", previous: "p.", role: .prefix),
        Case(token: "ex", previous: "mon", role: .wordlikePrefix),
        Case(token: "me", role: .ordinary),
        Case(token: "Me", role: .prefix),
    ]

    @Test(arguments: cases)
    func role(_ c: Case) {
        let role = PeriodTokenClassifier.role(of: c.token, atSentenceStart: c.atStart) { c.previous }
        #expect(role == c.role)
    }
}
