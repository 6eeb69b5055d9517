"""Trains and scores with the official DDL code on a frames-layout dataset, with the harness's shared
batch order, tracked-object choice and noise (tools/parity/shared_random.py), so that a run of ours
(tools/parity/ours-run.ts) with the same initial weights sees exactly the same data.

What is the official code here: VideoDataset (read_image, / 255, torchvision Resize, tracked boxes),
Conv3dSkipUNet / UNet, PseudoAnomalyCreator, PseudoLoss, Adam(lr 1e-2) over model + ℓ, StepLR(int(0.8·epochs),
0.5) per epoch, `if mask.sum() > 0` skipping, eval-mode scoring with objects/scoring.Score. What the
harness injects: the epoch's order (instead of DataLoader's shuffle; the last smaller batch is kept as
DataLoader keeps it), the track index (instead of np.random over list(set)), and torch.rand_like's output.

    /usr/bin/python3 tools/parity/reference_run.py --data /tmp/parity-data/avenue --out /tmp/parity-runs/avenue-ref
Writes OUT/initial.p (unless --initial is given), steps.jsonl, step-<n>.p at --snapshots, final.p, scores.csv.
"""
import argparse
import json
import os
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torchvision

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import shared_random as shared  # noqa: E402
from ddl_reference import load_reference  # noqa: E402


def dataset(ref, root, split, args):
    ds = ref.VideoDataset(os.path.join(split, 'frames'), temporal=args.temporal, resize=(args.height, args.width))
    if args.antialias:  # the control row: torchvision told to antialias, as sharp does when shrinking
        ds.resize = torchvision.transforms.Resize((args.height, args.width), antialias=True)
    original = ds.get_common_tracks
    ds.get_common_tracks = lambda frames: sorted(original(frames))  # a fixed order for the shared choice
    return ds


def batch(ds, items, seed, epoch, step):
    xs, masks = [], []
    for b, idx in enumerate(items):
        filename = ds.frame_files_index[idx]
        start = ds.frame_files.index(filename) - ds.temp_scale
        common = ds.get_common_tracks(ds.frame_files[start:start + 2 * ds.temp_scale + 1]) if ds.bounding_boxes is not None else []
        fixed = shared.choice(seed, epoch, step, b, len(common)) if common else None
        x, _, m = ds.__getitem__(idx, fixed_track=fixed)
        xs.append(x)
        masks.append(m)
    return torch.stack(xs), torch.stack(masks)  # what DataLoader's default collate does


def main():
    p = argparse.ArgumentParser(description='official DDL run with shared randomness')
    p.add_argument('--data', required=True)
    p.add_argument('--out', required=True)
    p.add_argument('--ref', default=None)
    p.add_argument('--model', choices=['c3dsu', 'unet'], default='c3dsu')
    p.add_argument('--temporal', type=int, default=3)
    p.add_argument('--latent', type=int, default=64)
    p.add_argument('--height', type=int, default=64)
    p.add_argument('--width', type=int, default=64)
    p.add_argument('--batch', type=int, default=8)
    p.add_argument('--epochs', type=int, default=5)
    p.add_argument('--lr', type=float, default=1e-2)
    p.add_argument('--seed', type=int, default=0)
    p.add_argument('--initial', default=None, help='state dict to start from (default: PyTorch init from --seed, saved as initial.p)')
    p.add_argument('--snapshots', default='0,50,100,150,200')
    p.add_argument('--antialias', action='store_true')
    p.add_argument('--max-steps', type=int, default=None)
    p.add_argument('--no-score', action='store_true', help='skip scoring the test set')
    p.add_argument('--threads', type=int, default=1, help='torch threads (another float32 summation order: the run-to-run floor)')
    p.add_argument('--double', action='store_true', help='the same run in float64: the floor of float32 divergence between implementations')
    args = p.parse_args()
    torch.set_num_threads(args.threads)
    ref = load_reference(args.ref)
    out = os.path.abspath(args.out)
    os.makedirs(out, exist_ok=True)
    os.chdir(os.path.abspath(args.data))  # tracked_bounding_boxes.json keys are relative: training/frames/<video>/<n>.png
    torch.manual_seed(args.seed)
    net = ref.models.Conv3dSkipUNet(args.latent, 3, args.temporal) if args.model == 'c3dsu' else ref.models.UNet(args.latent, 3, 1)
    model = nn.DataParallel(net)
    if args.initial:
        model.load_state_dict(torch.load(args.initial))
    else:
        torch.save(model.state_dict(), os.path.join(out, 'initial.p'))
    creator = nn.DataParallel(ref.pseudo_loss.PseudoAnomalyCreator())
    dtype = torch.float64 if args.double else torch.float32
    model, creator = model.to(dtype), creator.to(dtype)
    loss_func = ref.pseudo_loss.PseudoLoss(args.temporal)
    optimizer = torch.optim.Adam(list(model.parameters()) + list(creator.parameters()), lr=args.lr)
    scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=max(1, int(args.epochs * 0.8)), gamma=0.5)
    train = dataset(ref, args.data, 'training', args)
    n = len(train)
    per_epoch = -(-n // args.batch)
    snapshots = {int(s) for s in args.snapshots.split(',') if s}
    log = open(os.path.join(out, 'steps.jsonl'), 'w')
    original_rand_like = torch.rand_like
    started = time.time()
    for epoch in range(args.epochs):
        model.train()
        order = shared.order(args.seed, epoch, n)
        for k in range(per_epoch):
            step = epoch * per_epoch + k
            if args.max_steps is not None and step >= args.max_steps:
                break
            if step in snapshots:
                torch.save(model.state_dict(), os.path.join(out, f'step-{step}.p'))
            x, mask = batch(train, order[k * args.batch:(k + 1) * args.batch], args.seed, epoch, k)
            x, mask = x.to(dtype), mask.to(dtype)
            record = {'step': step, 'epoch': epoch, 'lr': optimizer.param_groups[0]['lr']}
            if mask.sum() > 0:
                noise = torch.from_numpy(shared.uniform(args.seed, 'noise', [epoch, k], x.numel()).astype(np.float32)).reshape(x.shape).to(dtype)
                torch.rand_like = lambda t, **kw: noise.clone()
                try:
                    x_anom, sigma = creator(x, mask)
                finally:
                    torch.rand_like = original_rand_like
                loss = loss_func(x, x_anom, model(x), model(x_anom), mask, sigma)
                optimizer.zero_grad()
                loss['loss'].backward()
                optimizer.step()
                record.update(sigma=sigma.item(), loss=loss['loss'].item(), lRecon=loss['recon_loss'].item(), lDist=loss['dist_loss'].item() / 1e-2,
                              logit=creator.module.anomaly_weight.item(), skipped=False)
            else:
                record.update(skipped=True)
            log.write(json.dumps(record) + '\n')
            log.flush()
        scheduler.step()
    steps = min(args.epochs * per_epoch, args.max_steps if args.max_steps is not None else 1 << 30)
    if steps in snapshots:
        torch.save(model.state_dict(), os.path.join(out, f'step-{steps}.p'))
    torch.save(model.state_dict(), os.path.join(out, 'final.p'))
    with open(os.path.join(out, 'summary.json'), 'w') as f:
        json.dump({'steps': steps, 'finalSigma': torch.sigmoid(creator.module.anomaly_weight).item(), 'finalLogit': creator.module.anomaly_weight.item(), 'seconds': time.time() - started}, f)
    print(f'reference: {steps} steps in {time.time() - started:.0f} s, final sigma {torch.sigmoid(creator.module.anomaly_weight).item():.4f}')
    if not args.no_score:
        score(ref, model, args, out)


def score(ref, model, args, out):
    """test.py's loop: batch 1, eval(), no_grad, objects/scoring.Score (patch 16, two grids)."""
    test = dataset(ref, args.data, 'testing', args)
    scorer = ref.scoring.Score()
    model.eval()
    with open(os.path.join(out, 'scores.csv'), 'w') as f:
        f.write('video,frame,score\n')
        for idx in range(len(test)):
            x, filename, _ = test[idx]
            with torch.no_grad():
                x = x.to(next(model.parameters()).dtype)
                s = scorer(x[None], model(x[None]))[-1][0]
            f.write(f'{filename.split("/")[-2]},{int(os.path.splitext(os.path.basename(filename))[0])},{float(s)!r}\n')


if __name__ == '__main__':
    main()
