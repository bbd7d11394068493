"""Run a piece of work in 16 threads (or as many as asked) released at the same moment."""

import threading

from django.db import connection

THREADS = 16


def run_at_once(work, threads=THREADS):
    """Run work(i) in `threads` threads (16 by default) released together; return the exceptions raised."""
    barrier = threading.Barrier(threads)
    errors = []

    def runner(i):
        try:
            barrier.wait(timeout=10)
            work(i)
        except Exception as error:  # noqa: BLE001 (collected and asserted on)
            errors.append(error)
        finally:
            connection.close()

    started = [threading.Thread(target=runner, args=(i,)) for i in range(threads)]
    for thread in started:
        thread.start()
    for thread in started:
        thread.join(timeout=120)
    return errors
