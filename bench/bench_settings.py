"""Settings for benchmark runs: the real settings plus a URLconf with the baseline endpoint."""

from config.settings import *  # noqa: F403

ROOT_URLCONF = "bench_urls"
LOGGING["root"]["level"] = "WARNING"  # noqa: F405 - one access line per request would skew timings
