// Turkish strings of the booking steps after the topic (calendar, form, confirmation).
import type de from '../de/booking-flow.ts';

const strings: typeof de = {
  day: '2. Gün ve saat seçin',
  interpreter: 'Tercüman',
  interpreterHint:
    'Tercümana ihtiyacınız var mı? O zaman yalnızca dilinize bir tercümanın müsait olduğu saatleri gösteriyoruz.',
  interpreterNone: 'Tercümana gerek yok',
  signLanguage: 'Alman İşaret Dili (DGS)',
  details: '3. Bilgileriniz',
  chosen: 'Seçilen randevu',
  phone: 'Cep telefonu numarası',
  phoneHint: 'Bağlantıyı SMS ile almak için, ör. 0151 23456789 veya +49 151 23456789.',
  name: 'Ad (isteğe bağlı)',
  customerNumber: 'Müşteri numarası (isteğe bağlı, ör. 123A456)',
  verificationCode: 'SMS’teki onay kodu',
  verificationHint: 'Size az önce altı haneli bir kod gönderdik. Kod 10 dakika geçerlidir.',
  privacyTitle: 'Veri koruma',
  privacy:
    'Cep telefonu numaranızı ve isteğe bağlı bilgilerinizi yalnızca randevunun yapılabilmesi için kullanıyoruz: onay, hatırlatma ve SMS ile bağlantı için. Veriler kurumun kendi sunucularında kalır ve randevudan belirli bir süre sonra otomatik olarak silinir. Görüşme kaydedilmez. Randevunuzu istediğiniz zaman iptal edebilirsiniz.',
  consent: 'Veri koruma bilgilendirmesini okudum ve kabul ediyorum.',
  submit: 'Randevuyu kesin olarak alın',
  submitting: 'Randevu alınıyor …',
  required: 'Lütfen bu alanı doldurun.',
  invalid: {
    phone: 'Lütfen geçerli bir cep telefonu numarası girin, ör. 0151 23456789.',
    customerNumber: 'Lütfen müşteri numarasını kontrol edin; numara size gönderdiğimiz yazılarda yer alır.',
    verificationCode: 'Kod doğru değil. Lütfen SMS’i kontrol edin.',
    consent: 'Lütfen veri koruma bilgilendirmesini kabul edin.',
    other: 'Lütfen bu bilgiyi kontrol edin.',
  } as Record<string, string>,
  fixFields: 'Lütfen işaretli bilgileri kontrol edin.',
  taken: 'Bu randevu az önce başka birine verildi. Şu saatler hâlâ boş:',
  takenNone: 'Bu randevu az önce başka birine verildi. Lütfen takvimden başka bir saat seçin.',
  done: 'Randevunuz alındı',
  doneSms: 'Bağlantıyı içeren bir SMS alacaksınız. Randevu günü bağlantıyı açmanız yeterlidir.',
  joinLink: 'Görüntülü randevu bağlantınız',
  keepLink: 'Lütfen bağlantıyı saklayın; yalnızca sizin randevunuz için geçerlidir.',
  ics: 'Takvime ekle (.ics)',
  manage: 'Randevuyu iptal et veya ertele',
  another: 'Başka bir randevu alın',
  checkIntro: 'Görüntülü görüşmenin sizde çalışıp çalışmadığını kısaca kontrol ediyoruz:',
};
export default strings;
