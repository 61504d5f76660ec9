// The subscription sheet (issue 10, item 2): one printable page per member (and per cell) with the feed link, a QR
// code of its webcal:// link as inline SVG (npm qrcode), and short steps for iPhone, Android (Google Calendar on the
// web, "From URL") and Outlook. One self-contained HTML file: no script, no request leaves it.
import type { Lang } from '../format/labels.js';

export interface SheetEntry {
  readonly kind: string;
  readonly id: string;
  readonly name: string;
  readonly https: string;
  readonly webcal: string;
}

export const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const T = {
  vi: {
    title: 'Đăng ký lịch dự sinh hoạt chi bộ',
    intro:
      'Mỗi trang dành cho một người. Đăng ký một lần; lịch trên điện thoại tự cập nhật khi kế hoạch thay đổi. ' +
      'Đường dẫn là riêng của từng người: không chia sẻ.',
    link: 'Đường dẫn',
    scan: 'Quét mã bằng camera của điện thoại (iPhone), hoặc làm theo các bước dưới đây.',
    steps: [
      [
        'iPhone, iPad',
        'Quét mã QR bằng Camera, chạm vào thông báo, chọn “Đăng ký”. Hoặc: Cài đặt → Lịch → Tài khoản → ' +
          'Thêm tài khoản → Khác → Thêm lịch đã đăng ký, dán đường dẫn webcal.',
      ],
      [
        'Android (Google Lịch)',
        'Trên máy tính, mở calendar.google.com → “Lịch khác” → dấu + → “Từ URL”, dán đường dẫn https, ' +
          'chọn “Thêm lịch”. Lịch hiện trên điện thoại sau vài phút (bật đồng bộ lịch này trong ứng dụng ' +
          'Google Lịch).',
      ],
      ['Outlook', 'Lịch → Thêm lịch → Đăng ký từ web, dán đường dẫn https, đặt tên và chọn “Nhập”.'],
    ],
    remind:
      'Lưu ý: nhiều ứng dụng (Google, Outlook, iPhone) bỏ qua lời nhắc có sẵn trong lịch đăng ký. Hãy đặt lời nhắc ' +
      'mặc định cho lịch này trong ứng dụng (ví dụ: 1 ngày trước).',
  },
  en: {
    title: 'Subscribe to your cell-meeting calendar',
    intro:
      'One page per person. Subscribe once; the calendar on the phone updates itself when the plan changes. ' +
      'Each link is personal: do not share it.',
    link: 'Link',
    scan: "Scan the code with the phone's camera (iPhone), or follow the steps below.",
    steps: [
      [
        'iPhone, iPad',
        'Scan the QR code with Camera, tap the notice, choose “Subscribe”. Or: Settings → Calendar → ' +
          'Accounts → Add Account → Other → Add Subscribed Calendar, paste the webcal link.',
      ],
      [
        'Android (Google Calendar)',
        'On a computer, open calendar.google.com → “Other calendars” → + → “From URL”, paste the https ' +
          'link, “Add calendar”. It appears on the phone within minutes (turn on sync for it in the Google ' +
          'Calendar app).',
      ],
      ['Outlook', 'Calendar → Add calendar → Subscribe from web, paste the https link, name it, “Import”.'],
    ],
    remind:
      'Note: many apps (Google, Outlook, iPhone) ignore the reminders a subscribed calendar carries. Set a default ' +
      'reminder for this calendar in the app (for example one day before).',
  },
};

/** The QR code of `text` as an SVG element (the library's own rendering, 4 modules of quiet zone). */
export async function qrSvg(text: string): Promise<string> {
  const { default: QRCode } = await import('qrcode');
  const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 });
  return svg.replace(/^<\?xml[^>]*>\s*/, '').trim();
}

export async function renderFeedSheet(entries: readonly SheetEntry[], lang: Lang): Promise<string> {
  const t = T[lang];
  const pages: string[] = [];
  for (const [i, e] of entries.entries()) {
    const steps = t.steps.map(([who, how]) => `<li><b>${escapeHtml(who!)}</b>: ${escapeHtml(how!)}</li>`).join('');
    pages.push(
      `<section class="page" id="feed-${i + 1}">` +
        `<h2>${escapeHtml(e.name)}</h2><p class="kind">${escapeHtml(e.kind)} · ${escapeHtml(e.id)}</p>` +
        `<div class="qr" role="img" aria-label="QR ${escapeHtml(e.webcal)}">${await qrSvg(e.webcal)}</div>` +
        `<p>${escapeHtml(t.scan)}</p>` +
        `<p class="link">${t.link}: <code>${escapeHtml(e.webcal)}</code><br><code>${escapeHtml(e.https)}</code></p>` +
        `<ol>${steps}</ol><p class="note">${escapeHtml(t.remind)}</p></section>`,
    );
  }
  return (
    `<!doctype html>\n<html lang="${lang}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(t.title)}</title><style>` +
    'body{font-family:system-ui,sans-serif;margin:0 auto;max-width:42rem;padding:1rem;line-height:1.4}' +
    '.page{border-bottom:1px solid #ccc;padding:1rem 0;break-after:page;page-break-after:always}' +
    '.qr svg{width:14rem;height:14rem}.kind{color:#555;margin-top:-.5rem}' +
    'code{word-break:break-all;font-size:.85rem}.note{font-size:.9rem;color:#444}' +
    '@media print{.page{border:0}}' +
    `</style></head><body><h1>${escapeHtml(t.title)}</h1><p>${escapeHtml(t.intro)}</p>\n` +
    pages.join('\n') +
    '\n</body></html>\n'
  );
}
