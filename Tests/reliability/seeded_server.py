"""A seeded store with a staff token and a `bayyina serve` on a free loopback port, for the reliability scripts."""
import json
import os
import socket
import subprocess
import time


class SeededServer:
    """`with SeededServer(binary, store, role) as server:` gives `server.port`, `server.token`, `server.env` and, after
    the block, `server.log`. The server logs to a file, never to a pipe: an undrained pipe would stall it."""

    def __init__(self, binary, store, role="uploader"):
        self.binary, self.store, self.role = binary, store, role
        self.env = dict(os.environ, BAYYINA_STORE=store)
        self.log = ""

    def __enter__(self):
        subprocess.run([self.binary, "seed"], env=self.env, check=True, capture_output=True)
        self.token = json.loads(subprocess.run([self.binary, "token", "create", "--name", "reliability", "--role", self.role, "--json"],
                                               env=self.env, check=True, capture_output=True, text=True).stdout)["secret"]
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.log_file = open(os.path.join(self.store, "server.log"), "w+")
        self.process = subprocess.Popen([self.binary, "serve", "--port", str(self.port)], env=self.env,
                                        stdout=subprocess.DEVNULL, stderr=self.log_file)
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        return self

    def __exit__(self, *failure):
        self.process.terminate()
        self.process.wait(timeout=30)
        self.log_file.seek(0)
        self.log = self.log_file.read()
        self.log_file.close()
        return False
