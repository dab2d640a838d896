# Unit tests of handler.py with stand-ins for boto3 and cfnresponse (neither is needed
# to run them): `python3 -m unittest` in this directory, or TestHandlerPython.
import os
import sys
import types
import unittest


class FakeGuardDuty:
    def __init__(self, admins=(), detectors=()):
        self.admins = list(admins)
        self.detectors = list(detectors)
        self.calls = []

    def list_organization_admin_accounts(self, **kw):
        self.calls.append(("list_organization_admin_accounts", kw))
        return {"AdminAccounts": [{"AdminAccountId": a, "AdminStatus": "ENABLED"} for a in self.admins]}

    def enable_organization_admin_account(self, **kw):
        self.calls.append(("enable_organization_admin_account", kw))
        self.admins.append(kw["AdminAccountId"])

    def disable_organization_admin_account(self, **kw):
        self.calls.append(("disable_organization_admin_account", kw))

    def list_detectors(self, **kw):
        self.calls.append(("list_detectors", kw))
        return {"DetectorIds": self.detectors}

    def update_detector(self, **kw):
        self.calls.append(("update_detector", kw))

    def update_organization_configuration(self, **kw):
        self.calls.append(("update_organization_configuration", kw))


class Context:
    invoked_function_arn = "arn:aws:lambda:eu-west-1:111111111111:function:handler"

    def __init__(self, remaining=300000):
        self.remaining = remaining

    def get_remaining_time_in_millis(self):
        return self.remaining


sent = []
fake = types.SimpleNamespace(client=None)
cfnresponse = types.SimpleNamespace(SUCCESS="SUCCESS", FAILED="FAILED")
cfnresponse.send = lambda event, context, status, data, pid, reason=None: sent.append((status, data, pid, reason))
sys.modules["boto3"] = types.SimpleNamespace(client=lambda name: fake.client)
sys.modules["cfnresponse"] = cfnresponse
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import handler  # noqa: E402


def run(gd, request, props, context=None):
    handler.gd = gd
    sent.clear()
    handler.time.sleep = lambda s: None
    handler.handler({"RequestType": request, "ResourceProperties": props}, context or Context())
    return sent[-1]


class Delegation(unittest.TestCase):
    props = {"Action": "delegate", "AdminAccountId": "333333333333", "DisableOnDelete": "false"}

    def test_designates_when_none(self):
        gd = FakeGuardDuty()
        status, _, pid, _ = run(gd, "Create", self.props)
        self.assertEqual(status, "SUCCESS")
        self.assertEqual(pid, "333333333333")
        self.assertIn(("enable_organization_admin_account", {"AdminAccountId": "333333333333"}), gd.calls)

    def test_same_account_already_designated_passes_without_a_call(self):
        gd = FakeGuardDuty(admins=["333333333333"])
        status, _, _, _ = run(gd, "Update", self.props)
        self.assertEqual(status, "SUCCESS")
        self.assertNotIn("enable_organization_admin_account", [c[0] for c in gd.calls])

    def test_another_account_designated_fails_naming_it(self):
        gd = FakeGuardDuty(admins=["999999999999"])
        status, _, _, reason = run(gd, "Create", self.props)
        self.assertEqual(status, "FAILED")
        self.assertIn("is account 999999999999, not 333333333333", reason)
        self.assertIn("eu-west-1", reason)
        self.assertNotIn("enable_organization_admin_account", [c[0] for c in gd.calls])

    def test_delete_keeps_the_designation(self):
        gd = FakeGuardDuty(admins=["333333333333"])
        status, _, _, _ = run(gd, "Delete", self.props)
        self.assertEqual(status, "SUCCESS")
        self.assertNotIn("disable_organization_admin_account", [c[0] for c in gd.calls])

    def test_delete_with_disable_on_delete(self):
        gd = FakeGuardDuty(admins=["333333333333"])
        status, _, _, _ = run(gd, "Delete", dict(self.props, DisableOnDelete="true"))
        self.assertEqual(status, "SUCCESS")
        self.assertIn(("disable_organization_admin_account", {"AdminAccountId": "333333333333"}), gd.calls)


class Detector(unittest.TestCase):
    features = [{"Name": "S3_DATA_EVENTS", "Status": "ENABLED"}]

    def test_finds_and_configures_the_detector(self):
        gd = FakeGuardDuty(detectors=["abc123"])
        status, data, pid, _ = run(gd, "Create", {"Action": "detector", "DetectorId": "",
                                                 "FindingPublishingFrequency": "FIFTEEN_MINUTES", "Features": self.features})
        self.assertEqual((status, data, pid), ("SUCCESS", {"DetectorId": "abc123"}, "abc123"))
        self.assertIn(("update_detector", {"DetectorId": "abc123", "Enable": True,
                                           "FindingPublishingFrequency": "FIFTEEN_MINUTES", "Features": self.features}), gd.calls)

    def test_adopted_detector_is_not_looked_up(self):
        gd = FakeGuardDuty()
        status, data, _, _ = run(gd, "Update", {"Action": "detector", "DetectorId": "def456",
                                               "FindingPublishingFrequency": "FIFTEEN_MINUTES", "Features": self.features})
        self.assertEqual((status, data), ("SUCCESS", {"DetectorId": "def456"}))
        self.assertNotIn("list_detectors", [c[0] for c in gd.calls])

    def test_no_detector_fails_in_time(self):
        gd = FakeGuardDuty()
        status, _, _, reason = run(gd, "Create", {"Action": "detector", "DetectorId": "",
                                                 "FindingPublishingFrequency": "FIFTEEN_MINUTES", "Features": self.features},
                                   Context(remaining=1000))
        self.assertEqual(status, "FAILED")
        self.assertIn("deploy the delegation of the management account first", reason)

    def test_organization_auto_enables_every_account(self):
        gd = FakeGuardDuty()
        status, _, _, _ = run(gd, "Create", {"Action": "organization", "DetectorId": "abc123", "Features": self.features})
        self.assertEqual(status, "SUCCESS")
        self.assertIn(("update_organization_configuration", {"DetectorId": "abc123", "AutoEnableOrganizationMembers": "ALL",
                                                             "Features": self.features}), gd.calls)


if __name__ == "__main__":
    unittest.main()
