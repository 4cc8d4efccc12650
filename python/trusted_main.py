"""backsmith's trusted process in the sandbox (stdlib only): the probe or the acceptance-test runner.

Both start the same way, under the same command line (python -I -B -X utf8 lib/trusted_main.py lib/config.json):
fork the module server before reading the configuration (so before the run's secret is in memory), then read it,
delete it and run the role it names. One entry for both, so the module's process cannot tell a probe from a test run
by its parent's command line (/proc/<ppid>/cmdline named probe_harness.py or test_runner.py); nor by the
configuration its server was started with (the same keys in both, module_proxy.SERVER_KEYS).

Usage: python -I -B trusted_main.py CONFIG.json
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import module_proxy  # noqa: E402
import result_channel  # noqa: E402
import sandbox_guard  # noqa: E402


def main():
    """Fork the module server, read and delete the configuration, then run the probe or the tests."""
    link = module_proxy.ModuleLink().fork()
    with open(sys.argv[1], encoding="utf-8") as handle:
        config = json.load(handle)
    secret = config.pop("secret", "")
    try:
        os.unlink(sys.argv[1])  # the module's process must not read the secret from disk
    except OSError:
        pass
    config.setdefault("moduleName", os.path.splitext(config["moduleFileName"])[0])
    sandbox_guard.apply_limits(config.get("limits", {}))
    channel = result_channel.Channel(secret if isinstance(secret, str) else "")
    if config.get("role") == "tests":
        import test_runner
        test_runner.run(link, config, channel)
    else:
        import probe_harness
        probe_harness.run(link, config, channel)


if __name__ == "__main__":
    main()
