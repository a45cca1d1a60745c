// Turkish SMS texts (UCS-2 for ş, ğ and ı, so at most four segments).
import type { SmsWording } from './types.ts';

export const tr: SmsWording = {
  numericMonth: true,
  maxServiceChars: 0,
  when: (d) => `${d.day}.${d.month}. ${d.weekday} saat ${d.hour}:${d.minute}`,
  time: (d) => `${d.hour}:${d.minute}`,
  verificationCode: (code) => `Randevu onay kodunuz: ${code}. Kod 10 dakika geçerlidir.`,
  render(kind, f) {
    switch (kind) {
      case 'confirmation':
        return `${f.when} tarihindeki görüntülü randevunuz${f.svc} onaylandı.${f.link('Katılın', f.joinUrl)}${f.link('Değiştirin veya iptal edin', f.manageUrl)}`;
      case 'reminder':
        return `Hatırlatma: ${f.when} görüntülü randevunuz${f.svc} var.${f.link('Katılın', f.joinUrl)}${f.link('İptal edin', f.manageUrl)}`;
      case 'cancellation':
        return `${f.when} tarihindeki görüntülü randevunuz${f.svc} iptal edildi.${f.link('Yeni randevu alın', f.bookUrl)}`;
      case 'rescheduled':
        return `Görüntülü randevunuz${f.svc} ${f.when} tarihine alındı.${f.link('Katılın', f.joinUrl)}${f.link('Değiştirin veya iptal edin', f.manageUrl)}`;
      case 'counsellor_ready':
        return f.joinUrl
          ? `Danışmanınız şimdi hazır.${f.link('Hemen katılın', f.joinUrl)}`
          : 'Danışmanınız şimdi hazır. Lütfen onay SMS’inizdeki bağlantıyı açın.';
      case 'running_late':
        return `Saat ${f.time}’daki görüntülü randevunuz yaklaşık ${f.minutes} dakika geç başlayacak. Lütfen bekleme odasında kalın veya biraz sonra katılın.`;
      case 'adhoc_link':
        return `Görüntülü görüşmeniz şimdi başlıyor.${f.link('Katılın', f.joinUrl)}`;
      case 'rebooking_needed':
        return f.manageUrl
          ? `${f.when} tarihindeki görüntülü randevunuzun${f.svc} maalesef ertelenmesi gerekiyor. Lütfen yeni bir saat seçin:\n${f.manageUrl}`
          : `${f.when} tarihindeki görüntülü randevunuzun${f.svc} maalesef ertelenmesi gerekiyor. Lütfen onay SMS’inizdeki değiştirme bağlantısıyla yeni bir saat seçin.`;
      case 'interpreter_invite':
        return `Görüntülü tercümanlık (${f.interpretLanguage})${f.svc}: ${f.when || 'şimdi'}.${f.link('Katıl', f.joinUrl)}`;
    }
  },
};
