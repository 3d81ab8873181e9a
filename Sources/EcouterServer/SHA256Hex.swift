// SPDX-License-Identifier: GPL-3.0-or-later
import EcouterFeed

/// The feed's SHA-256 (no crypto dependency), for content ids and ETags.
enum SHA256Hex {
    static func of(_ text: String) -> String { SHA256.hex(text) }
}
