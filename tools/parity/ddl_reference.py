"""Imports the official DDL code (github.com/demetrislappas/DDL, MIT) for the parity harness.

The reference is never a dependency of the product: clone it anywhere and point DDL_REF at it
(default /tmp/ddl-ref). `einops` is not packaged for Debian, so the three Rearrange patterns the
official models use are provided here as reshape/permute (a stand-in registered in sys.modules before
the official modules are imported). Run with a Python that has torch and torchvision
(Debian: /usr/bin/python3 with python3-torch python3-torchvision python3-natsort).
"""
import os
import sys
import types

import torch
import torch.nn as nn


class Rearrange(nn.Module):
    """The einops patterns of objects/models.py, as reshape + permute (same element order)."""

    def __init__(self, pattern, **sizes):
        super().__init__()
        self.pattern = ' '.join(pattern.split())
        self.sizes = sizes

    def forward(self, x):
        p = self.pattern
        if p == 'b c (h p1) (w p2) -> b (c p1 p2) h w':
            b, c, hh, ww = x.shape
            p1, p2 = self.sizes['p1'], self.sizes['p2']
            x = x.reshape(b, c, hh // p1, p1, ww // p2, p2).permute(0, 1, 3, 5, 2, 4)
            return x.reshape(b, c * p1 * p2, hh // p1, ww // p2)
        if p == 'b (c p1 p2) h w -> b c (h p1) (w p2)':
            b, cc, h, w = x.shape
            p1, p2 = self.sizes['p1'], self.sizes['p2']
            x = x.reshape(b, cc // (p1 * p2), p1, p2, h, w).permute(0, 1, 4, 2, 5, 3)
            return x.reshape(b, cc // (p1 * p2), h * p1, w * p2)
        if p == 'b c t h w -> (b t) c h w':
            b, c, t, h, w = x.shape
            return x.permute(0, 2, 1, 3, 4).reshape(b * t, c, h, w)
        if p == '(b t) c h w -> b c t h w':
            bt, c, h, w = x.shape
            t = self.sizes['t']
            return x.reshape(bt // t, t, c, h, w).permute(0, 2, 1, 3, 4)
        if p == 'b c h w -> b h w c':
            return x.permute(0, 2, 3, 1)
        if p == 'b (h p1) (w p2) -> b (h w) (p1 p2)':
            b, hh, ww = x.shape
            p1, p2 = self.sizes['p1'], self.sizes['p2']
            x = x.reshape(b, hh // p1, p1, ww // p2, p2).permute(0, 1, 3, 2, 4)
            return x.reshape(b, (hh // p1) * (ww // p2), p1 * p2)
        raise NotImplementedError(f'Rearrange stand-in: unsupported pattern {p!r}')


def rearrange(x, pattern, **sizes):
    """einops.rearrange for the patterns above."""
    return Rearrange(pattern, **sizes)(x)


def repeat(x, pattern):
    """einops.repeat for objects/scoring.py's only pattern."""
    if ' '.join(pattern.split()) != 'b c h w -> b (3 c) h w':
        raise NotImplementedError(f'repeat stand-in: unsupported pattern {pattern!r}')
    return x.repeat(1, 3, 1, 1)


def load_reference(path=None):
    """Returns the official modules (models, pseudo_loss, VideoDataset) from a checkout of the DDL repo."""
    ref = path or os.environ.get('DDL_REF', '/tmp/ddl-ref')
    if not os.path.isfile(os.path.join(ref, 'objects', 'models.py')):
        sys.exit(f'parity: the official DDL code must be checked out at {ref} (git clone https://github.com/demetrislappas/DDL {ref}, or set DDL_REF)')
    einops = types.ModuleType('einops')
    layers = types.ModuleType('einops.layers')
    layers_torch = types.ModuleType('einops.layers.torch')
    layers_torch.Rearrange = Rearrange
    einops.rearrange = rearrange
    einops.repeat = repeat
    einops.layers = layers
    layers.torch = layers_torch
    for name, module in (('einops', einops), ('einops.layers', layers), ('einops.layers.torch', layers_torch)):
        sys.modules.setdefault(name, module)
    if ref not in sys.path:
        sys.path.insert(0, ref)
    from objects import models, pseudo_loss, scoring  # noqa: E402
    from dataloaders import VideoDataset  # noqa: E402
    return types.SimpleNamespace(models=models, pseudo_loss=pseudo_loss, scoring=scoring, VideoDataset=VideoDataset.VideoDataset, path=ref)
