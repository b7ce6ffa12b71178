"""The seed guide's own Python client (reversal-guide.zh-Hant.md: make_req_sign + requests.post),
timed on the same simulator and reversals as the function. Prints one latency in ms per line."""
import hashlib
import sys
import time

import requests


def make_req_sign(data, key):
    keys = list(data.keys())
    keys.sort()
    p = []
    for k in keys:
        v = data[k]
        p.append('%s=%s' % (k, v))
    unsign_str = ('&'.join(p) + key).encode("utf-8")
    s = hashlib.md5(unsign_str).hexdigest()
    return s.upper()


environment, app_code, key, payments = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
for line in open(payments):
    syssn, txamt, txdtm = line.rstrip("\n").split("\t")
    data = {'txamt': txamt, 'syssn': syssn, 'txdtm': txdtm}
    started = time.perf_counter()
    r = requests.post(environment + "/trade/v1/reversal", data=data,
                      headers={'X-QF-APPCODE': app_code, 'X-QF-SIGN': make_req_sign(data, key)})
    r.json()
    print("%.3f" % ((time.perf_counter() - started) * 1000))
