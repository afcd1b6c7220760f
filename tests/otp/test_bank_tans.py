"""Bank TANs and transfer codes after an amount and an IBAN, in German and its neighbours."""

from __future__ import annotations

import pytest

from otpvirt.otp import extract_code

# (language, message, expected); written for these tests in the style of German smsTAN /
# pushTAN ("… lautet: 539217"), French, Italian, Spanish, Portuguese, Dutch and Polish
# transfer confirmations: the amount, the payee's IBAN (solid or in blocks of four), dates,
# times and references come first or after; notices without a TAN give no code.
# fmt: off
CASES: list[tuple[str, str, str | None]] = [
    ("de", "Sparkasse: Überweisung über 250,00 EUR an DE89 3704 0044 0532 0130 00. Ihre smsTAN "
     "lautet: 482193", "482193"),
    ("de", "Ihre pushTAN für die Überweisung von 1.250,00 EUR an IBAN DE89370400440532013000 "
     "lautet: 482193", "482193"),
    ("de", "Auftrag: Überweisung, Betrag 99,90 EUR, Empfänger-IBAN DE12 5001 0517 0648 4898 90. "
     "Die TAN lautet: 738201", "738201"),
    ("de", "mTAN: 482193 für Überweisung 250,00 EUR an DE89...3000", "482193"),
    ("de", "Die smsTAN für Ihre Überweisung über 45,00 EUR auf das Konto DE89 3704 0044 0532 "
     "0130 00 lautet 482193. Gültig bis 14:35 Uhr.", "482193"),
    ("de", "Ihre TAN für die Lastschrift 12,50 EUR (IBAN endet auf 3000) lautet: 482193", "482193"),
    ("fr", "Virement de 250,00 EUR vers FR76 3000 6000 0112 3456 7890 189. Votre code de "
     "validation : 482193", "482193"),
    ("fr", "Pour valider le virement de 1 200,00 € vers FR7630006000011234567890189, saisissez "
     "le code 482193.", "482193"),
    ("it", "Bonifico di 300,00 EUR a IT60 X054 2811 1010 0000 0123 456: il codice OTP è 482193"
     "Bonifico di 300,00 EUR a IT60 X054 2811 1010 0000 0123 456: il codice OTP è 482193",
     "482193"),
    ("it", "Per autorizzare il bonifico di 150,00 € all'IBAN IT60X0542811101000000123456 "
     "inserisci il codice 482193", "482193"),
    ("es", "Transferencia de 500,00 EUR a ES91 2100 0418 4502 0005 1332. Código de firma: "
     "482193", "482193"),
    ("es", "Para confirmar la transferencia de 75,00 € a ES9121000418450200051332 introduce la "
     "clave 482193", "482193"),
    ("de", "Überweisung an DE89 3704 0044 0532 0130 00 über 250,00 EUR wurde ausgeführt.", None),
    ("nl", "Overboeking van € 250,00 naar NL91 ABNA 0417 1643 00. Uw bevestigingscode: 482193"
     "Overboeking van € 250,00 naar NL91 ABNA 0417 1643 00. Uw bevestigingscode: 482193", "482193"),
    ("de", "Die smsTAN fuer die Ueberweisung an DE89370400440532013000 ueber 1.234,56 EUR "
     "lautet: 482193", "482193"),
    ("de", "Ihre TAN für Überweisung an IBAN DE12500105170648489890, Betrag 100,00 EUR lautet: "
     "482193", "482193"),
    ("de", "SMS-TAN: Einzelüberweisung an Max Mustermann, IBAN DE89 3704 0044 0532 0130 00, "
     "Betrag 250,00 EUR. Die TAN lautet: 482193", "482193"),
    ("de", "Sparkasse: Ihre smsTAN zum Auftrag Dauerauftrag über 50,00 EUR an "
     "DE02120300000000202051 lautet: 738201. Geben Sie diese niemals telefonisch weiter.",
     "738201"),
    ("de", "Volksbank: mobileTAN 738201 zur Überweisung von 2.500,00 EUR an DE02 1203 0000 0000 "
     "2020 51", "738201"),
    ("de", "Auftrag vom 12.06.2025: Überweisung 1.500,00 EUR an IBAN DE89 3704 0044 0532 0130 "
     "00. TAN: 738201", "738201"),
    ("de", "Ihre TAN lautet 738201. Auftrag: SEPA-Überweisung, Betrag: 89,95 EUR, Empfänger: "
     "DE75512108001245126199", "738201"),
    ("de", "Für die Überweisung über 250 EUR an Empfänger IBAN ***3000 lautet Ihre mTAN: 738201"
     "Für die Überweisung über 250 EUR an Empfänger IBAN ***3000 lautet Ihre mTAN: 738201",
     "738201"),
    ("de", "comdirect: Ihre mobileTAN für Überweisung 1.000,00 EUR an AT611904300234573201 "
     "lautet 738201", "738201"),
    ("de-AT", "Ihre TAN für die Überweisung von EUR 350,00 an AT61 1904 3002 3457 3201 lautet: "
     "738201", "738201"),
    ("de-CH", "Ihr Bestätigungscode für die Zahlung von CHF 1'250.00 an CH93 0076 2011 6238 "
     "5295 7 lautet: 738201", "738201"),
    ("fr", "Code de sécurité 738201 pour le virement de 1 500,00 EUR vers FR14 2004 1010 0505 "
     "0001 3M02 606", "738201"),
    ("fr", "BNP: Votre code pour valider le virement de 250 € au bénéficiaire "
     "FR7630006000011234567890189 est 738201", "738201"),
    ("fr", "Votre code de confirmation pour l'ajout du bénéficiaire IBAN FR76 1234 5678 9012 "
     "3456 7890 123 : 738201", "738201"),
    ("it", "Intesa Sanpaolo: codice 738201 per autorizzare il bonifico di 1.200,00 EUR a favore "
     "di IT60X0542811101000000123456", "738201"),
    ("it", "Il codice per confermare il bonifico istantaneo di 45,50 euro su IBAN IT60 X054 "
     "2811 1010 0000 0123 456 è: 738201", "738201"),
    ("es", "BBVA: Codigo 738201 para confirmar transferencia de 600,00 EUR a la cuenta ES91 "
     "2100 0418 4502 0005 1332", "738201"),
    ("es", "Tu clave para la transferencia de 1.250,00 EUR a ES9121000418450200051332 es "
     "738201. No la compartas.", "738201"),
    ("pt", "Codigo 738201 para transferencia de 300,00 EUR para PT50 0002 0123 1234 5678 9015 4"
     "Codigo 738201 para transferencia de 300,00 EUR para PT50 0002 0123 1234 5678 9015 4",
     "738201"),
    ("nl", "Uw TAN-code voor de overboeking van EUR 150,00 naar NL91ABNA0417164300 is 738201"
     "Uw TAN-code voor de overboeking van EUR 150,00 naar NL91ABNA0417164300 is 738201", "738201"),
    ("pl", "Kod SMS: 738201 do przelewu 500,00 PLN na rachunek PL61 1090 1014 0000 0712 1981 "
     "2874", "738201"),
    ("de", "Sparkasse KölnBonn: Auftrag Überweisung\nEmpfänger: Stadtwerke Köln\nIBAN: DE12 "
     "3705 0198 0000 1234 56\nBetrag: 87,40 EUR\nIhre smsTAN lautet: 539217", "539217"),
    ("de", "pushTAN-Freigabe: SEPA-Lastschrift 19,99 EUR an DE44500105175407324931 vom "
     "12.06.2025. Die TAN lautet 604118.", "604118"),
    ("de", "Ihre TAN lautet 771204.\nÜberweisung an: Max Mustermann\nIBAN DE89 3704 0044 0532 "
     "0130 00\nBetrag: 1.250,00 EUR", "771204"),
    ("de", "Volksbank Mittelhessen: Ihre Kontonummer endet auf 4821. Kontostand 2.345,67 EUR am "
     "12.06.2025.", None),
    ("de", "Ihre Kreditkarte 5412 **** **** 4821 wurde mit 49,90 EUR belastet. Fragen: 069 7191 "
     "0", None),
    ("de", "Achtung: Die Sparkasse fragt Sie niemals per Telefon oder SMS nach PIN oder TAN. "
     "Sperr-Notruf 116 116", None),
    ("de", "Ihre neue PIN für die Karte mit Endziffern 4821 wird per Post versandt. "
     "Kundenservice 0800 1234567.", None),
    ("de", "DKB: Bestätigen Sie die Zahlung über 250,00 EUR an AMAZON EU mit der TAN 390017. "
     "Nicht weitergeben!", "390017"),
    ("de-AT", "Erste Bank: s Identity Code 482-193 für Ihre Anmeldung in George. Nicht "
     "weitergeben.", "482193"),
    ("de-CH", "PostFinance: Ihr Login-Code lautet 48 21 93. Rückfragen: 0848 888 710", "482193"),
    ("de", "Ihr Paket 00340434161234567890 liegt in der Packstation 128. Abholcode: 8271", "8271"),
    ("de", "Mobilfunk-Rechnung Juni: 39,99 EUR. Kundennummer 4821337. Zahlbar bis 15.07.2025."
     "Mobilfunk-Rechnung Juni: 39,99 EUR. Kundennummer 4821337. Zahlbar bis 15.07.2025.", None),
    ("fr", "Société Générale : code de sécurité 519284 pour le virement de 450,00 EUR vers le "
     "compte FR76 3000 3032 1000 0500 0123 456. Ne le communiquez jamais.", "519284"),
    ("fr", "Votre carte ****4821 a été débitée de 59,99 € le 12/06. En cas de fraude : 09 69 39 "
     "99 98.", None),
    ("fr", "La Banque Postale : nous ne vous demanderons jamais votre code Certicode par SMS ou "
     "téléphone. Assistance 3639.", None),
    ("fr", "Code 702-318 : confirmez l'ajout du bénéficiaire FR14 2004 1010 0505 0001 3M02 606."
     "Code 702-318 : confirmez l'ajout du bénéficiaire FR14 2004 1010 0505 0001 3M02 606.",
     "702318"),
    ("it", "BancoPosta: il codice di autorizzazione per il bonifico SEPA di 1.000,00 EUR verso "
     "IT60 X054 2811 1010 0000 0123 456 è 640297", "640297"),
    ("it", "Fineco: non comunicare mai il codice a nessuno. Pagamento di 23,50 EUR con carta "
     "****4821 alle 14:32.", None),
    ("es", "Santander: Clave SMS 418205 para la transferencia de 200,00 EUR a ES79 2100 0813 "
     "6101 2345 6789. Nunca la compartas.", "418205"),
    ("es", "Bizum: has recibido 25,00 EUR de MARIA G. Saldo disponible 1.245,30 EUR. Ref. "
     "48213377", None),
    ("es", "Su cita para renovar el DNI es el 14/06/2025 a las 10:20 en C/ Mayor 12. "
     "Localizador 4821337.", None),
    ("pt", "Millennium bcp: código 305-771 para confirmar transferência de 150,00 EUR para PT50 "
     "0033 0000 4532 1098 7650 5.", "305771"),
    ("pt", "Caixa: o seu cartão terminado em 4821 foi usado numa compra de 12,80 EUR. Linha "
     "Caixa 217 900 790", None),
    ("pt-BR", "Bradesco: Nunca informe sua senha ou token por telefone. Fale com a gente 4002 "
     "0022.", None),
    ("pt-BR", "Seu PIX de R$ 45,00 para JOAO SILVA foi concluído. ID "
     "E0000000020250612143200000000001", None),
    ("es", "<#> Tu código de Rappi es 519-284\nhT8kLm2xQ9p", "519284"),
    ("de", "Überweisung 482,19 EUR an DE02 1203 0000 0000 2020 51 ausgeführt. Referenz 4821937."
     "Überweisung 482,19 EUR an DE02 1203 0000 0000 2020 51 ausgeführt. Referenz 4821937.", None),
    ("de", "Ihre TAN-Liste 4821 ist fast aufgebraucht. Bitte fordern Sie eine neue an.", None),
    ("de", "Ihre TAN: 482 193 (Überweisung 25,00 EUR an DE02120300000000202051)", "482193"),
    ("de", "TAN 482193 gültig bis 14:35 für Überweisung 2.000,00 EUR an IBAN DE02 1203 0000 "
     "0000 2020 51", "482193"),
    ("de", "Sparkasse: Zur Freigabe des Auftrags (Überweisung, 150,00 EUR, "
     "DE02120300000000202051) lautet Ihre TAN 482193.", "482193"),
    ("fr", "Crédit Mutuel : code 48219375 pour valider le paiement de 89,90 EUR chez FNAC. Ce "
     "code expire dans 5 min.", "48219375"),
    ("it", "OTP: 482193 per il pagamento di 150,00 EUR a favore di IT60X0542811101000000123456. "
     "Valido 3 minuti.", "482193"),
    ("es", "ING: Para firmar el envío de 300,00 EUR a ES91 2100 0418 4502 0005 1332 usa la "
     "clave 482193", "482193"),
    ("nl", "ABN AMRO: uw code voor het overboeken van € 1.250,00 naar NL02ABNA0123456789 is "
     "482193.", "482193"),
    ("ar", "رمز التحقق: ٤٨٢١٩٣\nالمبلغ: ٢٥٠٫٠٠ ريال\nالتاريخ: ١٢/٠٦/٢٠٢٥", "482193"),
]
# fmt: on


@pytest.mark.parametrize(
    ("lang", "text", "expected"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)]
)
def test_bank_tan(lang: str, text: str, expected: str | None) -> None:
    assert extract_code(text) == expected


@pytest.mark.parametrize(
    "iban", ["DE89370400440532013000", "DE89 3704 0044 0532 0130 00", "AT61 1904 3002 3457 3201"]
)
@pytest.mark.parametrize("amount", ["1.250,00 EUR", "EUR 99,90", "45,00 €"])
def test_tan_after_amount_and_iban(iban: str, amount: str) -> None:
    text = f"Überweisung {amount} an {iban}. Ihre smsTAN lautet: 539217"
    assert extract_code(text) == "539217"
    assert extract_code(f"Überweisung {amount} an {iban} wurde ausgeführt.") is None


@pytest.mark.parametrize(
    "iban",
    [
        "AT61 1904 3002 3457 3201",
        "DE89 3704 0044 0532 0130 00",
        "NL91 ABNA 0417 1643 00",
        "RO49 AAAA 1B31 0075 9384 0000",
        "GB29 NWBK 6016 1331 9268 19",
    ],
)
def test_code_right_after_an_iban_in_blocks(iban: str) -> None:
    # an IBAN is as long as its country says: a code written next to it stays apart
    assert extract_code(f"Überweisung an {iban} 4821 ist Ihre TAN") == "4821"
    assert extract_code(f"CODUL OTP PENTRU PLATA CĂTRE {iban} ESTE 482193") == "482193"
    assert extract_code(f"Überweisung an {iban} ausgeführt.") is None
