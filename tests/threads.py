"""Run a piece of work in 16 threads released at the same moment."""

import threading

from django.db import connection

THREADS = 16


def run_at_once(work):
    """Run work(i) in THREADS threads released together; return the exceptions raised."""
    barrier = threading.Barrier(THREADS)
    errors = []

    def runner(i):
        try:
            barrier.wait(timeout=10)
            work(i)
        except Exception as error:  # noqa: BLE001 (collected and asserted on)
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=runner, args=(i,)) for i in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return errors
