"""ISO 3166-1 country codes, converted in one place.

Places carry alpha-2 codes (GeoNames: KZ), actors alpha-3 codes (PLOVER, CAMEO: KAZ);
codes that are no country (UNO, EUR, IGO, ...) convert to None.
"""

from __future__ import annotations

from functools import cache

import pycountry


@cache
def alpha3(code: str | None) -> str | None:
    """The alpha-3 code of an alpha-2 code (KZ -> KAZ); None where ISO has no such country."""
    country = pycountry.countries.get(alpha_2=code) if code and len(code) == 2 else None
    return country.alpha_3 if country is not None else None


@cache
def alpha2(code: str | None) -> str | None:
    """The alpha-2 code of an alpha-3 code (KAZ -> KZ); None for UNO, EUR, IGO and the like."""
    country = pycountry.countries.get(alpha_3=code) if code and len(code) == 3 else None
    return country.alpha_2 if country is not None else None


@cache
def alpha2_of_numeric(numeric: str | None) -> str | None:
    """The alpha-2 code of an ISO 3166 numeric code ("398" -> KZ), as world maps give them."""
    country = pycountry.countries.get(numeric=numeric) if numeric else None
    return country.alpha_2 if country is not None else None


def both(code: str) -> tuple[str, str] | None:
    """(alpha-2, alpha-3) of a code given in either form and any case; None if unknown."""
    code = code.upper()
    if len(code) == 2:
        other = alpha3(code)
        return (code, other) if other else None
    other = alpha2(code)
    return (other, code) if other else None


#: names of the codes the country lists use that ISO 3166 does not assign
NON_ISO_NAMES = {"KOS": "Kosovo"}


@cache
def name(code: str) -> str:
    """The common English name of an alpha-3 code (Bolivia, not its official name); the
    code itself where ISO has no such country."""
    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        return NON_ISO_NAMES.get(code, code)
    return getattr(country, "common_name", None) or country.name
