"""Names from Iran (Persian) and Afghanistan (Dari and Pashto), in Persian script.

Persian script writes ی and ک where Arabic writes ي and ك, so علی and علي are the same name
in two scripts' spelling. Pashto adds letters such as ړ and ۍ.
"""

from waypost.demo.names import name

IRANIAN_MALE = (
    name("محمد", "Mohammad", "Mohammed", "Mohamad"),
    name("علی", "Ali"),
    name("حسین", "Hossein", "Hosein", "Hussein"),
    name("رضا", "Reza"),
    name("مهدی", "Mehdi", "Mahdi"),
    name("امیر", "Amir"),
    name("سعید", "Saeed", "Saeid"),
    name("حمید", "Hamid"),
    name("مجید", "Majid"),
    name("مسعود", "Masoud", "Massoud"),
    name("جواد", "Javad", "Jawad"),
    name("فرهاد", "Farhad"),
    name("بهروز", "Behrouz", "Behruz"),
    name("داریوش", "Dariush", "Daryoush"),
    name("کامران", "Kamran"),
    name("پیمان", "Peyman", "Payman"),
    name("آرش", "Arash"),
    name("بابک", "Babak"),
    name("کوروش", "Kourosh", "Kurosh"),
)

IRANIAN_FEMALE = (
    name("فاطمه", "Fatemeh", "Fateme", "Fatima"),
    name("زهرا", "Zahra"),
    name("مریم", "Maryam"),
    name("سارا", "Sara"),
    name("معصومه", "Masoumeh", "Masoume"),
    name("نرگس", "Narges"),
    name("لیلا", "Leila", "Layla"),
    name("شیرین", "Shirin"),
    name("مهسا", "Mahsa"),
    name("پریسا", "Parisa"),
    name("نازنین", "Nazanin"),
    name("الهام", "Elham"),
    name("ژیلا", "Zhila", "Jila"),
    name("سمیرا", "Samira"),
    name("آزاده", "Azadeh", "Azade"),
    name("سپیده", "Sepideh", "Sepide"),
)

IRANIAN_FAMILY = (
    name("محمدی", "Mohammadi", "Mohamadi"),
    name("حسینی", "Hosseini", "Hoseini", "Husseini"),
    name("رضایی", "Rezaei", "Rezaie", "Rezai"),
    name("احمدی", "Ahmadi"),
    name("کریمی", "Karimi"),
    name("موسوی", "Mousavi", "Musavi"),
    name("رحیمی", "Rahimi"),
    name("جعفری", "Jafari", "Jaafari"),
    name("قادری", "Ghaderi", "Qaderi"),
    name("امینی", "Amini"),
    name("نوری", "Nouri", "Noori"),
    name("صالحی", "Salehi"),
    name("حیدری", "Heidari", "Haidari"),
    name("کاظمی", "Kazemi"),
    name("یزدانی", "Yazdani"),
)

AFGHAN_MALE = (
    name("محمد", "Mohammad", "Muhammad", "Mohammed"),
    name("احمد", "Ahmad", "Ahmed"),
    name("عبدالله", "Abdullah", "Abdulla"),
    name("نجیب", "Najib", "Najeeb"),
    name("حمید", "Hamid"),
    name("فرید", "Farid", "Fareed"),
    name("جاوید", "Jawid", "Javid", "Javed"),
    name("ظاهر", "Zaher", "Zahir"),
    name("شفیق", "Shafiq", "Shafeeq"),
    name("ولی", "Wali", "Vali"),
    name("عزیز", "Aziz"),
    name("گل", "Gul"),
    name("نور", "Noor", "Nur"),
    name("همایون", "Humayun", "Homayoun"),
    name("رحمت", "Rahmat"),
    name("بصیر", "Basir", "Baseer"),
    name("میرویس", "Mirwais", "Mirwaiz"),
    name("اسد", "Asad", "Assad"),
)

AFGHAN_FEMALE = (
    name("مریم", "Maryam", "Mariam"),
    name("فاطمه", "Fatima", "Fatema"),
    name("شبنم", "Shabnam"),
    name("فریبا", "Fariba"),
    name("زرغونه", "Zarghona", "Zarghuna"),
    name("ملالۍ", "Malalai", "Malali"),
    name("نسرین", "Nasrin", "Nasreen"),
    name("فرزانه", "Farzana", "Farzaneh"),
    name("گلالۍ", "Gulalai", "Gulalay"),
    name("پروین", "Parwin", "Parveen"),
    name("ستاره", "Setara", "Sitara"),
    name("زهره", "Zohra", "Zuhra"),
    name("نازیه", "Nazia", "Naziya"),
    name("مرسل", "Mursal"),
)

AFGHAN_FAMILY = (
    name("احمدزی", "Ahmadzai", "Ahmadzay"),
    name("هاشمی", "Hashimi", "Hashemi"),
    name("رحیمی", "Rahimi"),
    name("پوپل", "Popal"),
    name("صافی", "Safi"),
    name("یوسفزی", "Yousafzai", "Yusufzai"),
    name("کاکړ", "Kakar"),
    name("وردک", "Wardak"),
    name("سلطانی", "Sultani", "Soltani"),
    name("حیدری", "Haidari", "Heidari"),
    name("عظیمی", "Azimi"),
)
