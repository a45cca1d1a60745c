// Turkish strings of the connection check.
import type de from '../de/check.ts';

const strings: typeof de = {
  checkTitle: 'Bağlantı testi',
  checking: 'Bağlantı kontrol ediliyor …',
  check: {
    good: 'Bağlantınız iyi. Görüntülü görüşme sorunsuz çalışmalı.',
    fair: 'Bağlantınız orta düzeyde. Görüntülü görüşme veri tasarrufu modunda çalışır.',
    poor: 'Bağlantınız zayıf. “Yalnızca ses” seçeneğini öneririz.',
    offline: 'Bağlantı yok. Lütfen internetinizi kontrol edin.',
  },
  measured: (kbps: number, rtt: number) =>
    `ölçülen: ${kbps >= 10_000 ? '10.000’in üzerinde' : `yaklaşık ${kbps}`} kbit/s, yanıt süresi ${rtt} ms`,
  measuredUp: (kbps: number) =>
    `, gönderme ${kbps >= 10_000 ? '10.000’in üzerinde' : `yaklaşık ${kbps}`} kbit/s`,
  checkAgain: 'Tekrar kontrol et',
  // The WebRTC check: UDP to the video host, or only TURN/TLS, or nothing.
  ice: {
    direct: 'Görüntülü görüşme hizmetine ağınızdan doğrudan ulaşılabiliyor.',
    relay:
      'Ağınız doğrudan yolu engelliyor. Görüşme güvenli bir dolambaçlı yol üzerinden yapılır ve biraz gecikmeli olabilir.',
    blocked: 'Ağınız görüntülü bağlantıya izin vermiyor. Lütfen başka bir ağ deneyin, örneğin mobil veri.',
  },
};
export default strings;
