# Custom resources of package guardduty, inline in the template (no asset). Each
# request names its action in the resource properties:
#   delegate      make AdminAccountId GuardDuty's delegated administrator of the
#                 region, unless it is already; fail, saying which, when another
#                 account is (an organization has one per region).
#   detector      find the account's detector (or take DetectorId) and apply the
#                 features and finding frequency; return its DetectorId.
#   organization  auto-enable GuardDuty and the features in every account.
# Deleting changes nothing, except a delegation with DisableOnDelete "true".
import time
import boto3
import cfnresponse

gd = boto3.client("guardduty")


def admins():
    out, token = [], None
    while True:
        page = gd.list_organization_admin_accounts(**({"NextToken": token} if token else {}))
        out += [a["AdminAccountId"] for a in page.get("AdminAccounts", [])]
        token = page.get("NextToken")
        if not token:
            return out


def delegate(p, region):
    want = p["AdminAccountId"]
    current = admins()
    others = [a for a in current if a != want]
    if others:
        raise ValueError(
            "GuardDuty's delegated administrator in " + region + " is account " + others[0] +
            ", not " + want + ": an organization has one per region. Make " + others[0] +
            " the landing zone's audit account, or remove its designation first "
            "(aws guardduty disable-organization-admin-account --admin-account-id " +
            others[0] + " --region " + region + ").")
    if want not in current:
        gd.enable_organization_admin_account(AdminAccountId=want)
    return want, {}


def detector(p, context):
    did = p.get("DetectorId", "")
    while not did:
        # The designation creates the administrator's detector; it may take a moment.
        ids = gd.list_detectors()["DetectorIds"]
        if ids:
            did = ids[0]
        elif context.get_remaining_time_in_millis() < 30000:
            raise ValueError("no GuardDuty detector in this account and region: deploy the "
                             "delegation of the management account first")
        else:
            time.sleep(15)
    gd.update_detector(DetectorId=did, Enable=True,
                       FindingPublishingFrequency=p["FindingPublishingFrequency"],
                       Features=p["Features"])
    return did, {"DetectorId": did}


def organization(p):
    gd.update_organization_configuration(
        DetectorId=p["DetectorId"], AutoEnableOrganizationMembers="ALL", Features=p["Features"])
    return p["DetectorId"], {}


def handler(event, context):
    p = event["ResourceProperties"]
    pid = event.get("PhysicalResourceId", "none")
    region = context.invoked_function_arn.split(":")[3]
    try:
        data = {}
        if event["RequestType"] == "Delete":
            if p["Action"] == "delegate" and p.get("DisableOnDelete") == "true" and p["AdminAccountId"] in admins():
                gd.disable_organization_admin_account(AdminAccountId=p["AdminAccountId"])
        elif p["Action"] == "delegate":
            pid, data = delegate(p, region)
        elif p["Action"] == "detector":
            pid, data = detector(p, context)
        elif p["Action"] == "organization":
            pid, data = organization(p)
        else:
            raise ValueError("unknown action " + p["Action"])
        cfnresponse.send(event, context, cfnresponse.SUCCESS, data, pid)
    except Exception as e:
        print(e)
        cfnresponse.send(event, context, cfnresponse.FAILED, {}, pid, reason=str(e))
