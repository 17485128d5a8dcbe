"""Sentences about a dispute's facts: networks, addresses, transaction ids, amounts, complaint
stages, deadlines, letters and calendars."""
from __future__ import annotations

from .noop import QT_TRANSLATE_NOOP

MESSAGES = {
    "onchain.unknown_network": QT_TRANSLATE_NOOP(
        "Errors", "{text!r} is not a network this journal knows; use one of: {words}."),
    "onchain.address_empty": QT_TRANSLATE_NOOP(
        "Errors", "The {network} address is empty."),
    "onchain.address_format": QT_TRANSLATE_NOOP(
        "Errors", "{value!r} is not a {network} address; check that it is copied whole and "
                  "that the network is right."),
    "onchain.address_checksum": QT_TRANSLATE_NOOP(
        "Errors", "{value!r} fails the {network} address checksum: a character is mistyped; "
                  "copy it again from the wallet or the explorer."),
    "onchain.hash_empty": QT_TRANSLATE_NOOP(
        "Errors", "The {network} transaction id is empty."),
    "onchain.hash_format": QT_TRANSLATE_NOOP(
        "Errors", "{value!r} is not a {network} transaction id; copy it whole from the "
                  "explorer or the withdrawal's details."),
    "money.amount_not_number": QT_TRANSLATE_NOOP(
        "Errors", "The {what} {value!r} is not a number; write it like 1250.50."),
    "money.amount_not_positive": QT_TRANSLATE_NOOP(
        "Errors", "The {what} {value} must be more than zero."),
    "money.amount_too_long": QT_TRANSLATE_NOOP(
        "Errors", "The amount {value} has more than 40 digits."),
    "money.asset_invalid": QT_TRANSLATE_NOOP(
        "Errors", "{value!r} is not an asset's ticker; write it like BTC, USDT or ETH."),
    "money.currency_invalid": QT_TRANSLATE_NOOP(
        "Errors", "{value!r} is not a currency code; write it like GBP, EUR, USD or CNY."),
    "money.fiat_needs_currency": QT_TRANSLATE_NOOP(
        "Errors", "Give the fiat value together with its currency, e.g. 1200 GBP."),
    "money.amount_needs_asset": QT_TRANSLATE_NOOP(
        "Errors", "Give the amount together with its asset, e.g. 0.5 BTC."),
    "money.none": QT_TRANSLATE_NOOP(
        "Errors", "There is no amount {money}."),
    "transaction.none": QT_TRANSLATE_NOOP(
        "Errors", "There is no transaction {transaction}."),
    "transaction.already": QT_TRANSLATE_NOOP(
        "Errors", "Case {case} already has the transaction {hash} (#{transaction})."),
    "wallet.none": QT_TRANSLATE_NOOP(
        "Errors", "There is no wallet address {wallet}."),
    "wallet.already": QT_TRANSLATE_NOOP(
        "Errors", "Case {case} already has the address {address} (#{wallet})."),
    "stage.none": QT_TRANSLATE_NOOP(
        "Errors", "There is no complaint stage {stage}."),
    "stage.escalation_needs_body": QT_TRANSLATE_NOOP(
        "Errors", "Say whom the case was escalated to, one of: {words}."),
    "stage.before_complaint": QT_TRANSLATE_NOOP(
        "Errors", "Record the formal complaint of case {case} before its {stage}."),
    "dispute.already_voided": QT_TRANSLATE_NOOP(
        "Errors", "The {entity} {id} was already voided."),
    "jurisdiction.unknown": QT_TRANSLATE_NOOP(
        "Errors", "{text!r} is not a jurisdiction; use one of: {words}."),
    "letter.unknown": QT_TRANSLATE_NOOP(
        "Errors", "{text!r} is not a letter; use one of: {words}."),
    "letter.unknown_language": QT_TRANSLATE_NOOP(
        "Errors", "Letters are written in English (en) or Chinese (zh_CN), not {language!r}."),
    "letter.template_broken": QT_TRANSLATE_NOOP(
        "Errors", "The letter template {name} cannot be used: {reason}."),
    "export.max_size_invalid": QT_TRANSLATE_NOOP(
        "Errors", "{text!r} is not a size; write it like 10MB (from 1 MB to 1000 MB)."),
    "export.max_size_unreachable": QT_TRANSLATE_NOOP(
        "Errors", "The case file cannot be made smaller than {mb} MB: its text and small "
                  "pictures alone are {actual} MB. Choose a larger limit or send the bundle."),
}
