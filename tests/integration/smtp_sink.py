#!/usr/bin/python3
"""smtp_sink.py PORT DIR -- a real SMTP server (aiosmtpd) for the mail
tests on 127.0.0.1:PORT.  Every message it accepts becomes one file in
DIR (the raw message as received, with the envelope recipient in the
first line "X-Rcpt: ..."). While the file DIR/down exists it answers
every message with "451 try again later" (a relay that is down for a
while).  A file is written and synced before the "250" leaves."""
import os
import sys
import time

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, out):
        self.out = out
        self.n = 0

    async def handle_DATA(self, server, session, envelope):
        if os.path.exists(os.path.join(self.out, "down")):
            return "451 4.3.0 try again later"
        self.n += 1
        name = os.path.join(self.out, "%d-%d.eml" % (os.getpid(), self.n))
        with open(name + ".tmp", "wb") as f:
            f.write(("X-Rcpt: %s\r\n" % ",".join(envelope.rcpt_tos)).encode())
            f.write(envelope.original_content)
            f.flush()
            os.fsync(f.fileno())
        os.rename(name + ".tmp", name)
        return "250 OK"


def main():
    port, out = int(sys.argv[1]), sys.argv[2]
    os.makedirs(out, exist_ok=True)
    c = Controller(Sink(out), hostname="127.0.0.1", port=port)
    c.start()
    with open(os.path.join(out, "ready"), "w") as f:
        f.write("ok\n")
    try:
        while True:
            time.sleep(3600)
    finally:
        c.stop()


if __name__ == "__main__":
    main()
