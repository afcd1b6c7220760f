"""Context words of the further scripts we receive (see cues.py for the categories).  Pure data.

Promo and customer codes, account, bill and transaction numbers and orders in Amharic,
Tigrinya, Swahili, the South Asian scripts, Khmer, Burmese, Georgian, Armenian, Hebrew and
the bill references of East Asian notices.  lexicon.py merges them with cues.py.
"""

from __future__ import annotations

# fmt: off

NOT_OTP: dict[str, tuple[str, ...]] = {
    "offers": ("offer code", "অফার কোড", "প্রোমো কোড", "ऑफर कोड", "प्रोमो कोड", "پرومو کوڈ",
               "آفر کوڈ", "קוד קופון", "קוד הנחה", "קוד קידום", "კუპონ", "პრომო კოდ",
               "պրոմո կոդ", "ፕሮሞ ኮድ", "msimbo wa ofa", "kodi ya ofa", "លេខកូដប្រូម៉ូសិន",
               "ပရိုမိုကုဒ်", "โค้ดส่วนลด", "ໂຄດສ່ວນຫຼຸດ", "ප්‍රවර්ධන කේත", "வவுச்சர்"),
    "customers": ("code client", "numéro client", "código de cliente", "código cliente",
                  "kundencode", "codice cliente", "מספר לקוח", "קוד לקוח", "ग्राहक कोड",
                  "উপভোক্তা নম্বর", "consumer number", "کنزیومر نمبر", "کسٹمر آئی ڈی",
                  "ደንበኛ ቁጥር", "nambari ya mteja", "លេខអតិថិជន", "ဖောက်သည်နံပါတ်",
                  "აბონენტის კოდ", "բաժանորդի կոդ"),
}

REFERENCE: dict[str, tuple[str, ...]] = {
    "all": ("ሂሳብ ቁጥር", "የሂሳብ ቁጥር", "የግብይት ቁጥር", "ቀሪ ሂሳብ", "ሕሳብ", "akaunti", "salio",
            "kumb", "खाता", "खाते", "शेष", "बिल", "উপলব্ধ", "হিসাব", "ব্যালেন্স", "অ্যাকাউন্ট",
            "اکاؤنٹ", "بیلنس", "ගිණුම", "ශේෂය", "கணக்கு", "இருப்பு", "ఖాతా", "គណនី",
            "សមតុល្យ", "အကောင့်", "လက်ကျန်", "ანგარიშ", "ნაშთი", "հաշիվ", "հաշվի", "մնացորդ",
            "חשבון", "יתרה", "מספר חוזה", "invoice no", "factura", "facture", "rechnung",
            "fattura", "faktura"),
}

ORDER: dict[str, tuple[str, ...]] = {
    "all": ("ትዕዛዝ", "oda yako", "agizo", "ऑर्डर", "অর্ডার", "آرڈر", "ඇණවුම", "ஆர்டர்",
            "ការបញ្ជាទិញ", "အော်ဒါ", "ማድረስ"),
}
# fmt: on
