"""A case file that fits a portal's upload limit (ombudsman forms cap files at about 10–18 MB):
its pictures resampled and JPEG-compressed until the signed PDF is under the limit, the cover
saying so. Its text is the same; the bundle and the journal keep the original files.

The size of a PDF grows with its pictures' pixels, so with the square of their resolution:
after the full-quality try, 150 dpi (fine enough for every screenshot) is tried; if that is
still too large, a second resolution is measured, the one that should fit is worked out from
the two, and it is lowered a little at a time until the PDF fits.
"""
from __future__ import annotations

import math
from dataclasses import replace

from ..errors import BadInput

MB = 1_000_000
PROBES = (150, 75)       # dpi measured to fit size = a + b·dpi²
FLOOR_DPI = 30           # coarser than this a screenshot's words are no longer readable
HEADROOM = 0.95          # aim a little under the limit


def fit(cf, render, max_bytes: int):
    """(signed bytes, info) of the case file `cf` under `max_bytes`; `render(cf, dpi)` makes
    one (dpi None: full quality). The full-quality PDF is tried first unless its pictures
    alone are more than twice the limit (their files are drawn losslessly, so it could not
    fit)."""
    pictures = sum(x.size for x in cf.exhibits if x.is_image)
    if pictures <= 2 * max_bytes:
        data, info = render(cf)
        if len(data) <= max_bytes:
            return data, {**info, "fitted_dpi": None, "pdf_size": len(data)}
    limit_mb = max(1, round(max_bytes / MB))
    made: dict[int, tuple] = {}

    def size_at(dpi: int) -> int:
        if dpi not in made:
            made[dpi] = render(replace(cf, fitted=(limit_mb, dpi)), dpi)
        return len(made[dpi][0])

    hi, lo = PROBES
    if size_at(hi) <= max_bytes:   # fine enough to read every screenshot: no need for more
        data, info = made[hi]
        return data, {**info, "fitted_dpi": hi, "pdf_size": len(data)}
    b = max((size_at(hi) - size_at(lo)) / (hi * hi - lo * lo), 1e-9)
    a = size_at(hi) - b * hi * hi          # what the text and the page furniture take
    target = HEADROOM * max_bytes
    dpi = int(math.sqrt((target - a) / b)) if target > a else FLOOR_DPI
    dpi = max(FLOOR_DPI, min(dpi, 300))
    while True:
        if size_at(dpi) <= max_bytes:
            break
        if dpi == FLOOR_DPI:
            raise BadInput("export.max_size_unreachable", mb=limit_mb,
                           actual=f"{max(a, 0) / MB:.1f}")
        dpi = max(FLOOR_DPI, int(dpi * 0.85))
    data, info = made[dpi]
    return data, {**info, "fitted_dpi": dpi, "pdf_size": len(data)}
