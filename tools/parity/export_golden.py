"""Exports the golden tensors of the parity tests from the official DDL code (run once; output committed).

    git clone https://github.com/demetrislappas/DDL /tmp/ddl-ref
    /usr/bin/python3 tools/parity/export_golden.py            # → packages/experiments/src/parity/__fixtures__

Writes, for a tiny C3DSU (latent 8, 32×32, B 2, T 3) and a tiny UNet (latent 8, 32×32, B 2):
  state-initial.pt  torch.save(model.state_dict()) — C3DSU wrapped in nn.DataParallel as train.py does
  x.npy mask.npy noise.npy    the batch X, the object mask M and the noise A, [B, C, T, H, W] (torch layout)
  x_anom.npy        X_A from the official PseudoAnomalyCreator (torch.rand_like returning A)
  fx.npy fxa.npy    f(X), f(X_A), [B, C, H, W], both passes in train mode
  pos.npy neg.npy   P and N maps of PseudoLoss, [B, H, W]
  terms.npy         [loss, recon, dist (before λ), σ, ℓ, dℓ, ℓ after the step, masked pixels, lr]
  grads.pt          gradient of every parameter that has one (name → tensor)
  state-after.pt    state dict after one Adam(lr 1e-2) step, BatchNorm running statistics included
  grads64.pt state-after64.pt terms64.npy   the same step in float64 (stored as float32): the arbiter
                    where float32 cannot resolve a value (see golden-step.spec.ts)
and the data-pipeline goldens:
  frames/  clips of PNG frames + tracked_bounding_boxes.json (negative / out-of-frame boxes) and the
           official VideoDataset's items: clip-<k>.npy (frames / 255, torchvision Resize) and
           clipmask-<k>.npy (its masks); resize-<name>.npy for single images (PNG and JPEG).
Needs torch and torchvision (Debian /usr/bin/python3 with python3-torch python3-torchvision python3-natsort).
"""
import argparse
import copy
import hashlib
import json
import os
import sys

import numpy as np
import torch
import torch.nn as nn
import torchvision

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ddl_reference import load_reference  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUT = os.path.join(HERE, '..', '..', 'packages', 'experiments', 'src', 'parity', '__fixtures__')


def save(path, array):
    np.save(path, np.ascontiguousarray(array))


def box_masks(shape, boxes):
    """Masks [B, C, T, H, W]: boxes[b][t] = (x0, y0, x1, y1) in pixels, like VideoDataset rasterises them."""
    mask = torch.zeros(shape)
    for b, clip in enumerate(boxes):
        for t, (x0, y0, x1, y1) in enumerate(clip):
            mask[b, :, t, y0:y1, x0:x1] = 1
    return mask


def step_case(ref, out, name, model, x, mask, logit):
    """One official training step with noise passed in; writes every intermediate quantity."""
    os.makedirs(out, exist_ok=True)
    creator = ref.pseudo_loss.PseudoAnomalyCreator()
    with torch.no_grad():
        creator.anomaly_weight.fill_(logit)
    temporal = x.shape[2]
    loss_func = ref.pseudo_loss.PseudoLoss(temporal)
    torch.save(model.state_dict(), os.path.join(out, 'state-initial.pt'))
    initial = copy.deepcopy(model)
    noise = torch.rand_like(x)
    model.train()
    optimizer = torch.optim.Adam(list(model.parameters()) + list(creator.parameters()), lr=1e-2)
    original = torch.rand_like
    torch.rand_like = lambda t, **kw: noise.clone()  # the creator's only random draw: A is passed in
    try:
        x_anom, sigma = creator(x, mask)
    finally:
        torch.rand_like = original
    fx = model(x)
    fxa = model(x_anom)
    loss = loss_func(x, x_anom, fx, fxa, mask, sigma)
    t = (temporal - 1) // 2
    m = mask[:, 0, t]
    pos = m * torch.norm(x[:, :, t] - fxa, dim=1) / x.shape[1] ** 0.5
    neg = m * torch.norm(x_anom[:, :, t] - fxa, dim=1) / x.shape[1] ** 0.5
    optimizer.zero_grad()
    loss['loss'].backward()
    grads = {k: p.grad.detach().clone() for k, p in model.named_parameters() if p.grad is not None}
    dlogit = creator.anomaly_weight.grad.item()
    optimizer.step()
    for file, array in (('x', x), ('noise', noise), ('x_anom', x_anom), ('fx', fx), ('fxa', fxa), ('pos', pos), ('neg', neg)):
        save(os.path.join(out, f'{file}.npy'), array.detach().numpy().astype(np.float32))
    save(os.path.join(out, 'mask.npy'), mask.numpy().astype(np.uint8))
    terms = [loss['loss'].item(), loss['recon_loss'].item(), loss['dist_loss'].item() / 1e-2, sigma.item(), logit, dlogit,
             creator.anomaly_weight.item(), float((m != 0).sum()), 1e-2]
    save(os.path.join(out, 'terms.npy'), np.array(terms, dtype=np.float64))
    torch.save(grads, os.path.join(out, 'grads.pt'))
    torch.save(model.state_dict(), os.path.join(out, 'state-after.pt'))
    # the same step in float64: where float32 cannot resolve a value (cancellations, the zero gradient of
    # a bias feeding a train-mode BatchNorm, Adam's first step on near-zero gradients) it is the arbiter
    exact = initial.double()
    creator64 = ref.pseudo_loss.PseudoAnomalyCreator().double()
    with torch.no_grad():
        creator64.anomaly_weight.fill_(logit)
    optimizer64 = torch.optim.Adam(list(exact.parameters()) + list(creator64.parameters()), lr=1e-2)
    torch.rand_like = lambda t, **kw: noise.double()
    try:
        x_anom64, sigma64 = creator64(x.double(), mask.double())
    finally:
        torch.rand_like = original
    loss64 = loss_func(x.double(), x_anom64, exact(x.double()), exact(x_anom64), mask.double(), sigma64)
    optimizer64.zero_grad()
    loss64['loss'].backward()
    torch.save({k: p.grad.float() for k, p in exact.named_parameters() if p.grad is not None}, os.path.join(out, 'grads64.pt'))
    optimizer64.step()
    torch.save({k: v.float() if v.is_floating_point() else v for k, v in exact.state_dict().items()}, os.path.join(out, 'state-after64.pt'))
    save(os.path.join(out, 'terms64.npy'), np.array([loss64['loss'].item(), creator64.anomaly_weight.grad.item(), creator64.anomaly_weight.item()], dtype=np.float64))
    print(f'{name}: loss {terms[0]:.6f} recon {terms[1]:.6f} dist {terms[2]:.6f} sigma {terms[3]:.4f} dlogit {dlogit:.3e}')


def model_cases(ref, out):
    torch.manual_seed(10)
    b, c, h, w = 2, 3, 32, 32
    c3dsu = nn.DataParallel(ref.models.Conv3dSkipUNet(latent_dim=8, channels=c, temporal=3))
    x = torch.rand(b, c, 3, h, w)
    boxes = [[(4, 6, 20, 22), (5, 6, 21, 23), (6, 7, 22, 24)], [(10, 0, 31, 12), (11, 1, 32, 13), (12, 2, 32, 14)]]
    step_case(ref, os.path.join(out, 'c3dsu'), 'c3dsu', c3dsu, x, box_masks(x.shape, boxes), 0.3)
    unet = ref.models.UNet(latent_dim=8, channels=c, temporal=1)
    x = torch.rand(b, c, 1, h, w)
    boxes = [[(3, 3, 19, 27)], [(16, 8, 30, 30)]]
    step_case(ref, os.path.join(out, 'unet'), 'unet', unet, x, box_masks(x.shape, boxes), -0.4)


def pattern(height, width, seed):
    """A frame with sharp edges, thin lines, gradients and noise (what aliasing and rounding act on)."""
    rng = np.random.default_rng(seed)
    yy, xx = np.mgrid[0:height, 0:width]
    img = np.stack([(xx * 255) // max(1, width - 1), (yy * 255) // max(1, height - 1), ((xx // 7 + yy // 5) % 2) * 200], axis=-1).astype(np.float64)
    img[(xx - width / 3) ** 2 + (yy - height / 2) ** 2 < (height / 4) ** 2] = [250, 30, 60]
    img[:, ::9] = 255
    band = (yy > height * 0.7) & (xx < width * 0.4)
    img[band] += rng.normal(0, 12, img[band].shape)
    return np.clip(img, 0, 255).astype(np.uint8)  # [H, W, 3]


def write_image(path, hwc):
    chw = torch.from_numpy(np.ascontiguousarray(hwc.transpose(2, 0, 1)))
    if path.endswith('.png'):
        torchvision.io.write_png(chw, path)
    else:
        torchvision.io.write_jpeg(chw, path, quality=90)


def frame_cases(ref, out):
    """Single images and a small frames dataset read by the official VideoDataset."""
    os.makedirs(out, exist_ok=True)
    images = {'avenue.png': (360, 640), 'ped2.jpg': (240, 360), 'small.png': (30, 44)}  # small: upsampled
    sizes = {'64x64': (64, 64), '32x48': (32, 48)}
    digests = {}
    for k, (file, (h, w)) in enumerate(images.items()):
        write_image(os.path.join(out, file), pattern(h, w, k))
        decoded = torchvision.io.read_image(os.path.join(out, file))  # uint8 [3, H, W]
        digests[file] = {'sha256': hashlib.sha256(decoded.permute(1, 2, 0).contiguous().numpy().tobytes()).hexdigest()}
        for size_name, size in sizes.items():
            resized = torchvision.transforms.Resize(size)(decoded / 255)
            save(os.path.join(out, f'resize-{file.split(".")[0]}-{size_name}.npy'), resized.numpy().astype(np.float32))
    with open(os.path.join(out, 'decoded.json'), 'w') as f:
        json.dump(digests, f, indent=1)
    # a frames dataset: one clip of 5 PNG frames at 96×80 with tracked boxes of every awkward kind
    cwd = os.getcwd()
    os.chdir(out)
    try:
        os.makedirs('train/clip01', exist_ok=True)
        for i in range(5):
            write_image(f'train/clip01/{i:03d}.png', pattern(80, 96, 10 + i))
        boxes = {  # normalised [x0, y0, x1, y1]; track "1" spans frames 0-3, "2" frames 1-4
            0: {'1': [0.10, 0.20, 0.55, 0.70]},
            1: {'1': [-0.05, 0.25, 0.50, 0.75], '2': [0.70, -0.20, 1.10, 0.40]},
            2: {'1': [-0.30, -0.40, -0.05, -0.10], '2': [0.60, 0.50, 1.40, 1.30]},
            3: {'1': [0.20, 0.30, 0.60, 1.00], '2': [1.10, 0.20, 1.30, 0.50]},
            4: {'2': [0.005, 0.015, 0.999, 0.987]},
        }
        tracks = {f'train/clip01/{i:03d}.png': {t: {'box': b} for t, b in boxes[i].items()} for i in boxes}
        with open('train/tracked_bounding_boxes.json', 'w') as f:
            json.dump(tracks, f, indent=1)
        dataset = ref.VideoDataset('train', temporal=3, resize=(32, 48))
        for k in range(len(dataset)):
            common = dataset.get_common_tracks(dataset.frame_files[k:k + 3])  # same order __getitem__ sees
            for j, track in enumerate(common):
                frames, _, masks = dataset.__getitem__(k, fixed_track=j)
                save(f'clipmask-{k}-track{track}.npy', masks.numpy()[0].astype(np.uint8))  # [T, H, W], channel 0
            save(f'clip-{k}.npy', frames.numpy().astype(np.float32))  # [C, T, H, W]
    finally:
        os.chdir(cwd)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--out', default=DEFAULT_OUT)
    parser.add_argument('--ref', default=None, help='checkout of github.com/demetrislappas/DDL (default $DDL_REF or /tmp/ddl-ref)')
    args = parser.parse_args()
    torch.set_num_threads(1)
    ref = load_reference(args.ref)
    out = os.path.abspath(args.out)
    model_cases(ref, out)
    frame_cases(ref, os.path.join(out, 'frames'))
    with open(os.path.join(out, 'SOURCE.md'), 'w') as f:
        f.write('# Golden tensors of the parity tests\n\n'
                f'Written by `tools/parity/export_golden.py` from the official DDL code (github.com/demetrislappas/DDL, MIT)\n'
                f'with torch {torch.__version__}, torchvision {torchvision.__version__}, numpy {np.__version__}.\n'
                'Images are generated by the script (no dataset frames). Do not edit by hand: re-run the script.\n')


if __name__ == '__main__':
    main()
