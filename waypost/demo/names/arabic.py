"""Arabic names as written in Iraq, Syria and Yemen, with their common Latin spellings."""

from waypost.demo.names import name

MALE = (
    name("محمد", "Mohammed", "Muhammad", "Mohamed", "Mohammad", "Muhammed"),
    name("أحمد", "Ahmed", "Ahmad"),
    name("علي", "Ali"),
    name("حسين", "Hussein", "Hussain", "Husain", "Hussien"),
    name("حسن", "Hassan", "Hasan"),
    name("عمر", "Omar", "Umar"),
    name("محمود", "Mahmoud", "Mahmood", "Mahmud"),
    name("إبراهيم", "Ibrahim", "Ebrahim", "Ibraheem"),
    name("خالد", "Khalid", "Khaled"),
    name("يوسف", "Yousif", "Yousef", "Yusuf", "Youssef"),
    name("عبدالله", "Abdullah", "Abdulla", "Abdallah"),
    name("مصطفى", "Mustafa", "Mostafa", "Moustafa"),
    name("عبدالرحمن", "Abdulrahman", "Abdul Rahman", "Abdelrahman"),
    name("عثمان", "Othman", "Osman", "Uthman"),
    name("صالح", "Saleh", "Salih"),
    name("سعيد", "Saeed", "Said", "Saed"),
    name("كريم", "Karim", "Kareem"),
    name("جمال", "Jamal"),
    name("رشيد", "Rashid", "Rasheed"),
    name("فاضل", "Fadhil", "Fadil", "Fadel"),
    name("جاسم", "Jassim", "Jasim"),
    name("حيدر", "Haider", "Hayder", "Haidar"),
    name("عباس", "Abbas"),
    name("قاسم", "Qasim", "Kasim", "Qassim"),
    name("سليمان", "Sulaiman", "Suleiman", "Sleman"),
    name("طه", "Taha"),
    name("ياسين", "Yassin", "Yaseen", "Yasin"),
    name("عادل", "Adil", "Adel"),
    name("نوري", "Nouri", "Noori", "Nuri"),
    name("صباح", "Sabah"),
    name("إسماعيل", "Ismail", "Esmail"),
    name("رمضان", "Ramadan", "Ramazan"),
    name("جعفر", "Jafar", "Jaafar"),
    name("وليد", "Walid", "Waleed"),
)

FEMALE = (
    name("فاطمة", "Fatima", "Fatma", "Fatimah"),
    name("زينب", "Zainab", "Zaynab", "Zeinab"),
    name("مريم", "Maryam", "Mariam"),
    name("نور", "Noor", "Nour", "Nur"),
    name("سارة", "Sara", "Sarah"),
    name("عائشة", "Aisha", "Aysha", "Ayesha"),
    name("ليلى", "Layla", "Leila", "Laila"),
    name("هدى", "Huda", "Houda"),
    name("خديجة", "Khadija", "Khadijah"),
    name("آمنة", "Amina", "Amna"),
    name("رنا", "Rana"),
    name("أمل", "Amal"),
    name("سلمى", "Salma"),
    name("رقية", "Ruqaya", "Roqaya", "Ruqayya"),
    name("حنان", "Hanan"),
    name("شيماء", "Shaimaa", "Shayma"),
    name("دعاء", "Duaa", "Doaa"),
    name("أسماء", "Asmaa", "Asma"),
    name("سعاد", "Suad", "Souad"),
    name("نادية", "Nadia", "Nadiya"),
    name("بشرى", "Bushra", "Boushra"),
    name("ولاء", "Walaa", "Wala"),
    name("إسراء", "Israa", "Esraa"),
    name("غفران", "Ghufran", "Ghofran"),
)

IRAQI_FAMILY = (
    name("الجبوري", "Al-Jubouri", "Al-Jubori", "Aljboori"),
    name("الدليمي", "Al-Dulaimi", "Al-Dulaymi"),
    name("العبيدي", "Al-Obaidi", "Al-Ubaidi"),
    name("التميمي", "Al-Tamimi", "Altamimi"),
    name("الشمري", "Al-Shammari", "Al-Shammary"),
    name("الزبيدي", "Al-Zubaidi", "Al-Zubaydi"),
    name("الربيعي", "Al-Rubaie", "Al-Rubaei"),
    name("الخفاجي", "Al-Khafaji", "Alkhafaji"),
    name("الساعدي", "Al-Saadi", "Al-Saedi"),
    name("الحسيني", "Al-Husseini", "Al-Hussaini"),
    name("الموسوي", "Al-Musawi", "Al-Mousawi"),
    name("الكعبي", "Al-Kaabi", "Al-Kabi"),
)

SYRIAN_FAMILY = (
    name("الأحمد", "Al-Ahmad", "Alahmad"),
    name("العلي", "Al-Ali", "Alali"),
    name("الحسن", "Al-Hasan", "Al-Hassan"),
    name("خليل", "Khalil", "Khaleel"),
    name("مراد", "Murad", "Mourad"),
    name("الخطيب", "Al-Khatib", "Al-Khateeb"),
    name("عيسى", "Issa", "Eissa"),
    name("المصري", "Al-Masri", "Al-Masry"),
)

YEMENI_MALE = (
    name("عبده", "Abdo", "Abduh"),
    name("ناصر", "Nasser", "Naser"),
    name("فيصل", "Faisal", "Faysal"),
    name("منصور", "Mansour", "Mansur"),
    name("هشام", "Hisham", "Hesham"),
    name("فؤاد", "Fuad", "Fouad"),
    name("نبيل", "Nabil", "Nabeel"),
    name("عبدالملك", "Abdulmalik", "Abdul Malik"),
)

YEMENI_FEMALE = (
    name("أروى", "Arwa"),
    name("بلقيس", "Balqees", "Bilqis"),
    name("سمية", "Sumaya", "Somaya"),
)

YEMENI_FAMILY = (
    name("العمري", "Al-Omari", "Al-Amri"),
    name("الحميري", "Al-Himyari", "Al-Hemyari"),
    name("الأهدل", "Al-Ahdal"),
    name("باوزير", "Bawazir", "Ba Wazir"),
    name("العولقي", "Al-Awlaqi", "Al-Awlaki"),
    name("الحداد", "Al-Haddad"),
    name("الزبيري", "Al-Zubairi", "Al-Zubeiri"),
    name("المقطري", "Al-Maqtari", "Al-Makhtari"),
)
