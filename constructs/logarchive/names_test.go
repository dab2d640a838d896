package logarchive_test

import (
	"testing"

	"github.com/go-landingzone/landingzone/constructs/logarchive"
)

func TestNames(t *testing.T) {
	for got, want := range map[string]string{
		logarchive.DestinationArn("eu-central-1", "222222222222", "logs"):     "arn:aws:logs:eu-central-1:222222222222:destination:logs",
		logarchive.DestinationArn("cn-north-1", "222222222222", "logs"):       "arn:aws-cn:logs:cn-north-1:222222222222:destination:logs",
		logarchive.DeliveryStreamArn("us-gov-west-1", "222222222222", "logs"): "arn:aws-us-gov:firehose:us-gov-west-1:222222222222:deliverystream/logs",
		logarchive.ErrorLogGroupName("logs"):                                  "/aws/kinesisfirehose/logs",
		logarchive.LogGroupKeyPrefix("", "111111111111", "/aws/lambda/fn"):    "cwlogs/account=111111111111/logGroup=aws/lambda/fn/",
		logarchive.LogGroupKeyPrefix("logs", "111111111111", "app"):           "logs/cwlogs/account=111111111111/logGroup=app/",
		logarchive.LogGroupKeyPrefix("logs//", "111111111111", "app"):         "logs/cwlogs/account=111111111111/logGroup=app/",
	} {
		if got != want {
			t.Errorf("got %s, want %s", got, want)
		}
	}
}
