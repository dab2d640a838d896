package secure

import (
	"strconv"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslogs"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

// LogGroupProps configures NewLogGroup.
type LogGroupProps struct {
	// Name is the log group's physical name. Empty lets CloudFormation choose one.
	Name string
	// RetentionDays must be one of check.LogRetentionDays; callers validate it.
	RetentionDays int
	// Key encrypts the log group. Nil creates a key for it. A key passed in must already
	// let the CloudWatch Logs service use it (see AllowLogsService).
	Key awskms.IKey
	// Description describes the key when one is created.
	Description string
}

// LogGroup is an encrypted, retained CloudWatch log group and its key.
type LogGroup struct {
	LogGroup awslogs.LogGroup
	Key      awskms.IKey
}

// NewLogGroup creates a log group encrypted with a customer-managed key and retained
// when its stack is deleted. The key is created, with its policy, when props.Key is nil.
func NewLogGroup(scope constructs.Construct, id string, props LogGroupProps) LogGroup {
	key := props.Key
	if key == nil {
		created := NewKey(scope, id+"Key", props.Description)
		AllowLogsService(created)
		key = created
	}
	lgProps := &awslogs.LogGroupProps{
		EncryptionKey: key,
		Retention:     RetentionDays(props.RetentionDays),
		RemovalPolicy: awscdk.RemovalPolicy_RETAIN,
	}
	if props.Name != "" {
		lgProps.LogGroupName = jsii.String(props.Name)
	}
	return LogGroup{LogGroup: awslogs.NewLogGroup(scope, jsii.String(id), lgProps), Key: key}
}

// AllowLogsService adds the key-policy statement that lets CloudWatch Logs in the key's
// own account and region use key for the log groups of that account. CloudWatch Logs
// encrypts with the caller's key only if the key policy names its regional service
// principal; the encryption-context condition keeps other accounts' log groups out.
func AllowLogsService(key awskms.Key) {
	stack := awscdk.Stack_Of(key)
	key.AddToResourcePolicy(awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
		Sid:        jsii.String("AllowCloudWatchLogs"),
		Principals: &[]awsiam.IPrincipal{awsiam.NewServicePrincipal(jsii.String("logs."+*stack.Region()+".amazonaws.com"), nil)},
		Actions:    jsii.Strings("kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"),
		Resources:  jsii.Strings("*"),
		Conditions: &map[string]interface{}{
			"ArnLike": map[string]interface{}{
				"kms:EncryptionContext:aws:logs:arn": "arn:" + *stack.Partition() + ":logs:" + *stack.Region() + ":" + *stack.Account() + ":log-group:*",
			},
		},
	}), nil)
}

// RetentionDays converts a day count that check.LogRetention accepted into the CDK enum.
func RetentionDays(days int) awslogs.RetentionDays {
	if name, ok := retentionNames[days]; ok {
		return name
	}
	// Unreachable for validated input; fail loudly rather than keep logs forever.
	panic("secure: unsupported log retention of " + strconv.Itoa(days) + " days")
}

var retentionNames = map[int]awslogs.RetentionDays{
	1:    awslogs.RetentionDays_ONE_DAY,
	3:    awslogs.RetentionDays_THREE_DAYS,
	5:    awslogs.RetentionDays_FIVE_DAYS,
	7:    awslogs.RetentionDays_ONE_WEEK,
	14:   awslogs.RetentionDays_TWO_WEEKS,
	30:   awslogs.RetentionDays_ONE_MONTH,
	60:   awslogs.RetentionDays_TWO_MONTHS,
	90:   awslogs.RetentionDays_THREE_MONTHS,
	120:  awslogs.RetentionDays_FOUR_MONTHS,
	150:  awslogs.RetentionDays_FIVE_MONTHS,
	180:  awslogs.RetentionDays_SIX_MONTHS,
	365:  awslogs.RetentionDays_ONE_YEAR,
	400:  awslogs.RetentionDays_THIRTEEN_MONTHS,
	545:  awslogs.RetentionDays_EIGHTEEN_MONTHS,
	731:  awslogs.RetentionDays_TWO_YEARS,
	1096: awslogs.RetentionDays_THREE_YEARS,
	1827: awslogs.RetentionDays_FIVE_YEARS,
	2192: awslogs.RetentionDays_SIX_YEARS,
	2557: awslogs.RetentionDays_SEVEN_YEARS,
	2922: awslogs.RetentionDays_EIGHT_YEARS,
	3288: awslogs.RetentionDays_NINE_YEARS,
	3653: awslogs.RetentionDays_TEN_YEARS,
}
