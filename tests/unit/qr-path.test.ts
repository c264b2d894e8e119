// The share panel's QR code: the modules qrcode computes, drawn as one path.
import { describe, expect, it } from 'vitest';
import QRCode from 'qrcode';
import { qrPath } from '../../src/lib/share/qr-path';

describe('qrPath', () => {
  it('draws one square per dark module, inside a four-module quiet zone', () => {
    const url = 'http://127.0.0.1:4173/?feature=zijing-industrial-park#13.2/41.121/121.183';
    const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
    let dark = 0;
    for (let index = 0; index < modules.data.length; index++) dark += modules.data[index];
    const path = qrPath(url);
    expect(path.size).toBe(modules.size + 8);
    expect(path.d.match(/M/g)?.length).toBe(dark);
    // The top-left finder pattern's corner module is dark and sits at the quiet zone's edge.
    expect(path.d.startsWith('M4 4h1v1h-1z')).toBe(true);
  });

  it('holds only path commands and numbers, whatever the text', () => {
    expect(qrPath('<img src=x onerror=alert(1)>').d).toMatch(/^[Mhvz\d -]+$/);
  });
});
