"""Kurdish names in Kurdish (Sorani) Arabic script, with English and Kurmanji Latin spellings.

Kurdish script adds letters Arabic lacks: ڕ (rolled r), ڵ (dark l), ێ and ۆ (long e and o), ە
(short a), ڤ (v), پ چ ژ گ. Kurmanji speakers from Duhok often spell in the Kurdish Latin
alphabet (ê, î, û, ş, ç), which is one of the variants below.
"""

from waypost.demo.names import name

MALE = (
    name("کاروان", "Karwan"),
    name("ڕێبوار", "Rebwar", "Rêbwar"),
    name("ئازاد", "Azad"),
    name("هێمن", "Hemin", "Hêmin"),
    name("شوان", "Shwan", "Şwan"),
    name("دلشاد", "Dilshad", "Dilşad"),
    name("سەردار", "Sardar", "Serdar"),
    name("بەختیار", "Bakhtiyar", "Bakhtiar", "Bextiyar"),
    name("گۆران", "Goran"),
    name("زانا", "Zana"),
    name("شێرکۆ", "Sherko", "Shirko", "Şêrko"),
    name("ئاکۆ", "Ako"),
    name("دیار", "Diyar", "Dyar"),
    name("نەوزاد", "Nawzad", "Newzad"),
    name("کامەران", "Kamaran", "Kameran"),
    name("سۆران", "Soran"),
    name("ڕێباز", "Rebaz", "Rêbaz"),
    name("ئاسۆ", "Aso"),
    name("هیوا", "Hiwa"),
    name("دارا", "Dara"),
    name("کاوە", "Kawa", "Kawe"),
    name("ئارام", "Aram"),
    name("پێشەوا", "Peshawa", "Pêşewa"),
    name("هاوکار", "Hawkar"),
    name("باهۆز", "Bahoz"),
    name("بەرزان", "Barzan", "Berzan"),
    name("زێرەڤان", "Zeravan", "Zêrevan"),
    name("هۆزان", "Hozan"),
    name("جوان", "Jwan", "Ciwan"),
    name("شاهۆ", "Shaho"),
)

FEMALE = (
    name("ژینا", "Zhina", "Jina"),
    name("ڕۆژین", "Rozhin", "Rojin", "Rojîn"),
    name("شیلان", "Shilan", "Şîlan"),
    name("نازدار", "Nazdar"),
    name("ئەڤین", "Evin", "Avin", "Evîn"),
    name("بەفرین", "Bafrin", "Befrin"),
    name("ڤیان", "Vian", "Viyan"),
    name("ڕووناک", "Runak", "Ronak"),
    name("دیلان", "Dilan"),
    name("پەخشان", "Pakhshan", "Pexşan"),
    name("گوڵاڵە", "Gulala", "Gulale"),
    name("هاوژین", "Hawzhin", "Hawjin"),
    name("چنار", "Chinar", "Çinar"),
    name("کوێستان", "Kwestan", "Kuestan"),
    name("ژیان", "Zhiyan", "Jiyan"),
    name("بەریڤان", "Berivan", "Beriwan"),
    name("هێڤی", "Hevi", "Hêvî"),
    name("سۆزان", "Sozan"),
    name("شنۆ", "Shno", "Şno"),
    name("تارا", "Tara"),
    name("نیشتمان", "Nishtiman", "Niştiman"),
    name("خانزاد", "Khanzad", "Xanzad"),
)

# Tribe and place names that Iraqi Kurdish families use as family names: Badinan (Duhok)…
BADINI_FAMILY = (
    name("دۆسکی", "Doski", "Dosky", "Doskî"),
    name("زێباری", "Zebari", "Zibari", "Zêbarî"),
    name("بەرواری", "Berwari", "Barwari"),
    name("سندی", "Sindi", "Sindy"),
    name("ئامێدی", "Amedi", "Amadi"),
    name("مزووری", "Mizuri", "Mzuri"),
    name("ڕێکانی", "Rekani", "Rêkanî"),
    name("سلێڤانی", "Slevani", "Silevani"),
    name("هەرکی", "Herki", "Harki"),
)

# … and the Sorani-speaking provinces (Erbil, Sulaymaniyah, Halabja).
SORANI_FAMILY = (
    name("بارزانی", "Barzani"),
    name("جاف", "Jaff", "Jaf"),
    name("هەورامی", "Hawrami", "Hawramy"),
    name("شوانی", "Shwani", "Shwany"),
    name("سورچی", "Surchi", "Surchy"),
    name("گەردی", "Gardi", "Gerdi"),
    name("دزەیی", "Dizayi", "Dizayee", "Dezaye"),
    name("پشدەری", "Pishdari", "Pshdari"),
    name("خۆشناو", "Khoshnaw", "Xoshnaw"),
    name("تاڵەبانی", "Talabani", "Talabany"),
    name("بابان", "Baban"),
)

# Syrian Kurds write their names in Arabic on documents; these are Kurdish family names.
SYRIAN_FAMILY = (
    name("ديركي", "Derki", "Dirki"),
    name("عفريني", "Afrini", "Efrini"),
    name("برازي", "Barazi", "Berazi"),
    name("ملا", "Mulla", "Mala", "Mele"),
    name("حسو", "Hasso", "Hesso"),
    name("شيخو", "Sheikho", "Shekho"),
    name("حمو", "Hammo", "Hamo"),
    name("سيدو", "Seydo", "Saido"),
)
