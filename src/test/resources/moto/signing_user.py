"""Creates, in a moto_server started with INITIAL_NO_AUTH_ACTION_COUNT=3, an IAM user allowed ssm:*
and prints its access key id and secret: from then on moto checks every request's SigV4 signature."""
import boto3, json, sys
endpoint = sys.argv[1]
kw = dict(endpoint_url=endpoint, region_name="us-east-1", aws_access_key_id="testing", aws_secret_access_key="testing")
iam = boto3.client("iam", **kw)
iam.create_user(UserName="qfpay-reversal")
key = iam.create_access_key(UserName="qfpay-reversal")["AccessKey"]
iam.put_user_policy(UserName="qfpay-reversal", PolicyName="ssm", PolicyDocument=json.dumps(
    {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ssm:*", "Resource": "*"}]}))
print(key["AccessKeyId"], key["SecretAccessKey"])
