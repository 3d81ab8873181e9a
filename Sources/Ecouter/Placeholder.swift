// SPDX-License-Identifier: GPL-3.0-or-later
@_exported import EcouterExtraction
@_exported import EcouterNormalization
