"""scripts/bench.py reads wrk's report: rates, percentiles in any of wrk's units, and errors."""

import importlib
from pathlib import Path

import pytest

WRK_OUTPUT = """\
Running 10s test @ http://127.0.0.1:40123/courses/
  1 threads and 10 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency   143.52ms   38.10ms   1.02s    91.20%
    Req/Sec    69.80     12.41   101.00     70.00%
  Latency Distribution
     50%  812.00us
     75%  150.31ms
     90%  170.02ms
     99%    1.50s
  698 requests in 10.01s, 5.12MB read
  Socket errors: connect 0, read 2, write 0, timeout 1
  Non-2xx or 3xx responses: 3
Requests/sec:     69.73
Transfer/sec:    523.80KB
"""


@pytest.fixture
def bench(monkeypatch):
    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parents[1] / "scripts"))
    return importlib.import_module("bench")


def test_wrk_report_gives_rate_percentiles_in_ms_and_errors(bench):
    figures = bench.parse_wrk(WRK_OUTPUT)

    assert figures["requests_per_s"] == 69.73
    assert figures["p50_ms"] == pytest.approx(0.812)
    assert figures["p99_ms"] == 1500.0
    assert figures["requests"] == 698
    assert figures["non_2xx_3xx"] == 3
    assert figures["socket_errors"] == {"connect": 0, "read": 2, "write": 0, "timeout": 1}


def test_clean_wrk_report_has_no_errors(bench):
    clean = "\n".join(line for line in WRK_OUTPUT.splitlines() if "errors" not in line and "Non-2xx" not in line)

    figures = bench.parse_wrk(clean)

    assert figures["non_2xx_3xx"] == 0
    assert sum(figures["socket_errors"].values()) == 0


def test_output_without_latency_distribution_is_refused(bench):
    with pytest.raises(ValueError, match="unexpected wrk output"):
        bench.parse_wrk(WRK_OUTPUT.split("  Latency Distribution")[0])


def test_median_round_divides_by_the_static_rate_of_the_same_round(bench):
    static = [{"requests_per_s": rate} for rate in (2000.0, 1000.0, 2000.0)]
    page = [{"requests_per_s": rate, "p99_ms": p99} for rate, p99 in ((1000.0, 5.0), (900.0, 9.0), (200.0, 1600.0))]

    figures = bench.median_round(page, static)

    # Shares 50 %, 90 % and 10 %: a slow static round lifts its page's share, a cold round drops it.
    assert figures["share_of_static_percent"] == 50.0
    assert figures["share_range_percent"] == [10.0, 90.0]
    assert figures["requests_per_s"] == 900.0
    assert figures["p99_ms"] == 9.0
    assert figures["rounds"] == page
