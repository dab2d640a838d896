# Custom resources of package transitgateway, inline in the template (no asset).
# Action "accept": check that a VPC attachment comes from the expected account and
# Transit Gateway, accept it, and wait until it is available. Action "vpn": wait for
# the Transit Gateway attachment of a VPN connection and return its ID.
# Deleting either changes nothing: the attachment belongs to its VPC or VPN.
import time
import boto3
import botocore.exceptions
import cfnresponse

ec2 = boto3.client("ec2")
WAITING = ("initiating", "initiatingRequest", "pending", "modifying")


def accept(p):
    aid = p["AttachmentId"]
    a = ec2.describe_transit_gateway_vpc_attachments(
        TransitGatewayAttachmentIds=[aid])["TransitGatewayVpcAttachments"][0]
    if a["TransitGatewayId"] != p["TransitGatewayId"]:
        raise ValueError(aid + " attaches to " + a["TransitGatewayId"])
    if a["VpcOwnerId"] != p["VpcOwnerId"]:
        raise ValueError(aid + " belongs to account " + a["VpcOwnerId"] +
                         ", not " + p["VpcOwnerId"])
    if a["State"] == "pendingAcceptance":
        ec2.accept_transit_gateway_vpc_attachment(TransitGatewayAttachmentId=aid)
    elif a["State"] not in WAITING + ("available",):
        raise ValueError(aid + " is " + a["State"])
    return a["State"] == "available", {"TransitGatewayAttachmentId": aid, "VpcId": a["VpcId"]}


def vpn(p):
    found = ec2.describe_transit_gateway_attachments(Filters=[
        {"Name": "resource-id", "Values": [p["VpnConnectionId"]]},
        {"Name": "transit-gateway-id", "Values": [p["TransitGatewayId"]]},
    ])["TransitGatewayAttachments"]
    if found and found[0]["State"] not in WAITING + ("available",):
        raise ValueError(p["VpnConnectionId"] + " attachment is " + found[0]["State"])
    done = bool(found) and found[0]["State"] == "available"
    return done, {"TransitGatewayAttachmentId": found[0]["TransitGatewayAttachmentId"]} if done else {}


def handler(event, context):
    p = event["ResourceProperties"]
    pid = event.get("PhysicalResourceId", "none")
    try:
        data = {}
        if event["RequestType"] != "Delete":
            step = accept if p["Action"] == "accept" else vpn
            while True:
                try:
                    done, data = step(p)
                except botocore.exceptions.ClientError as e:
                    # A permission just added may take seconds to apply.
                    if e.response["Error"]["Code"] != "UnauthorizedOperation":
                        raise
                    done = False
                if done:
                    break
                if context.get_remaining_time_in_millis() < 30000:
                    raise TimeoutError("attachment not available in time")
                time.sleep(15)
            pid = data["TransitGatewayAttachmentId"]
        cfnresponse.send(event, context, cfnresponse.SUCCESS, data, pid)
    except Exception as e:
        print(e)
        cfnresponse.send(event, context, cfnresponse.FAILED, {}, pid, reason=str(e))
