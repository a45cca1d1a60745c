// Turkish strings of the accessibility statement (with its feedback form) and the sign-language page.
import type de from '../de/info.ts';

const strings: typeof de = {
  title: 'Erişilebilirlik beyanı',
  scope:
    'Bu beyan, bu web sitesindeki görüntülü danışmanlık için geçerlidir: randevu almak, randevuyu yönetmek ve görüntülü randevuya katılmak.',
  statusTitle: 'Hizmet ne kadar erişilebilir?',
  status:
    'Hizmet, Almanya’nın erişilebilirlik yönetmeliğine (BITV 2.0) büyük ölçüde uygundur. Tüm sayfalar klavyeyle kullanılabilir, ekran okuyucularla çalışır ve her dilde otomatik olarak kontrol edilir.',
  gapsTitle: 'Henüz erişilebilir olmayan neler var?',
  gaps: [
    'Görüntülü görüşmede otomatik altyazı yoktur. İşaret dili veya yazılı tercümana ihtiyacınız varsa lütfen randevudan önce bize bildirin.',
    'Bu beyan bir öz değerlendirmeye dayanır. Bağımsız bir kuruluşun incelemesi henüz yapılmamıştır.',
  ],
  prepared: 'Bu beyan 1 Aralık 2026 tarihinde hazırlanmıştır.',
  feedbackTitle: 'Engel bildirin',
  feedbackIntro:
    'Bir engelle mi karşılaştınız? Lütfen bize yazın. Bir iletişim bilgisi bırakırsanız size yanıt veririz.',
  message: 'Ne çalışmadı?',
  contact: 'Yanıt için e-posta adresi veya telefon numarası (isteğe bağlı)',
  send: 'Bildirimi gönder',
  sending: 'Gönderiliyor …',
  sent: 'Çok teşekkür ederiz! Bildiriminiz bize ulaştı.',
  required: 'Lütfen engeli kısaca açıklayın.',
  otherWays: 'Bize şu yollarla da ulaşabilirsiniz:',
  email: 'E-posta',
  phone: 'Telefon',
  enforcementTitle: 'Uzlaştırma süreci',
  enforcement:
    'Bildiriminize tatmin edici bir yanıt alamazsanız ücretsiz bir uzlaştırma süreci başlatılmasını talep edebilirsiniz.',
  enforcementLink: 'Uzlaştırma kurumuna git',
  signTitle: 'Alman İşaret Dili ile bilgi',
  signVideo: 'Alman İşaret Dili ile video: Görüntülü danışmanlık nasıl işler',
  signMissing: 'İşaret dili videosu hazırlanıyor. Lütfen daha sonra tekrar bakın.',
  back: 'Randevu almaya dön',
};
export default strings;
