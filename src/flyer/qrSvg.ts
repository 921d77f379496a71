/**
 * QR codes made at build time as inline SVG (no image request, no script): one per language
 * block, pointing at the site in that language.
 */
import QRCode from 'qrcode';

/**
 * An <svg> for `url`. Error correction M survives a creased or smudged flyer; the quiet zone
 * (4 modules) is part of the image so a scanner finds the code on any background.
 */
export async function qrSvg(url: string, label: string): Promise<string> {
  const svg = await QRCode.toString(url, {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 4,
    color: { dark: '#000000', light: '#ffffff' },
  });
  const escaped = label.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return svg.replace('<svg ', `<svg role="img" aria-label="${escaped}" class="flyer-qr-svg" focusable="false" `);
}
