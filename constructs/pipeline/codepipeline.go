package pipeline

import (
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscodebuild"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscodepipeline"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslogs"
	"github.com/aws/aws-cdk-go/awscdk/v2/awss3"
	"github.com/aws/aws-cdk-go/awscdk/v2/pipelines"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

// synthTimeoutMinutes bounds the synth step, which runs every package's tests.
const synthTimeoutMinutes = 60

// newCodePipeline returns the CDK pipeline: the repository through its connection,
// the project's own tests and synthesis, self-mutation, and KMS-encrypted artifacts
// that target accounts can read.
func newCodePipeline(scope constructs.Construct, r resolved, logs awslogs.ILogGroup) pipelines.CodePipeline {
	source := pipelines.CodePipelineSource_Connection(jsii.String(r.Repository), jsii.String(r.Branch), &pipelines.ConnectionSourceOptions{
		ConnectionArn: jsii.String(r.ConnectionArn),
	})
	props := &pipelines.CodePipelineProps{
		Synth: pipelines.NewShellStep(jsii.String(idSynth), &pipelines.ShellStepProps{
			Input:                  source,
			Commands:               jsii.Strings(r.SynthCommands...),
			PrimaryOutputDirectory: jsii.String("cdk.out"),
		}),
		SynthCodeBuildDefaults: &pipelines.CodeBuildOptions{Timeout: awscdk.Duration_Minutes(jsii.Number(synthTimeoutMinutes))},
		// Every project CDK Pipelines creates (synth, self-mutation, assets, steps).
		CodeBuildDefaults: &pipelines.CodeBuildOptions{Logging: buildLogging(logs)},
		// Artifacts cross into the target accounts: a customer-managed key, rotated,
		// lets their deploy roles read them and nobody else.
		CrossAccountKeys:  jsii.Bool(true),
		EnableKeyRotation: jsii.Bool(true),
		PipelineType:      awscodepipeline.PipelineType_V2,
		// Change sets are what the review reads; they are the CDK's default too.
		UseChangeSets: jsii.Bool(true),
		SelfMutation:  jsii.Bool(true),
		// The pipeline role may assume every action role of its own account, so roles
		// per action isolate nothing; without them the template stays small at
		// MaxDeployTargets. Actions in other accounts still use their deploy roles.
		UsePipelineRoleForActions: jsii.Bool(true),
		CliVersion:                jsii.String(r.CliVersion),
		CdkAssetsCliVersion:       jsii.String(r.AssetsCliVersion),
	}
	if r.Name != "" {
		props.PipelineName = jsii.String(r.Name)
	}
	return pipelines.NewCodePipeline(scope, jsii.String(idResource), props)
}

// buildLogging sends a CodeBuild project's logs to logs.
func buildLogging(logs awslogs.ILogGroup) *awscodebuild.LoggingOptions {
	return &awscodebuild.LoggingOptions{CloudWatch: &awscodebuild.CloudWatchLoggingOptions{LogGroup: logs}}
}

// allowConnection lets role, the role of the pipeline's source action, use the
// connection of connectionArn under the service prefix of that ARN. The CDK grants
// codestar-connections:UseConnection only, but the service was renamed
// CodeConnections, the console has created connections as
// "arn:aws:codeconnections:..." since July 2024, and "when specifying a resource in the
// IAM policy, the service prefix needs to match that of the resource" ("Connections
// rename - Summary of changes", Developer Tools console User Guide).
func allowConnection(role awsiam.IRole, connectionArn string) {
	if !strings.HasPrefix(strings.SplitN(connectionArn, ":", 4)[2], "codeconnections") {
		return
	}
	role.AddToPrincipalPolicy(awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
		Actions:   jsii.Strings("codeconnections:UseConnection"),
		Resources: jsii.Strings(connectionArn),
	}))
}

// logArtifactAccess sends the artifact bucket's server access logs to a bucket of
// their own and returns it. CDK Pipelines creates the artifact bucket without access
// logs and offers no option, so the CloudFormation property is set directly.
func logArtifactAccess(scope constructs.Construct, artifacts awss3.IBucket) awss3.Bucket {
	logs := awss3.NewBucket(scope, jsii.String(idAccessLogs), &awss3.BucketProps{
		// Server access logging delivers only to buckets with S3-managed keys.
		Encryption:        awss3.BucketEncryption_S3_MANAGED,
		BlockPublicAccess: awss3.BlockPublicAccess_BLOCK_ALL(),
		EnforceSSL:        jsii.Bool(true),
		ObjectOwnership:   awss3.ObjectOwnership_BUCKET_OWNER_ENFORCED,
		Versioned:         jsii.Bool(true),
		RemovalPolicy:     awscdk.RemovalPolicy_RETAIN,
	})
	cfn := artifacts.Node().DefaultChild().(awss3.CfnBucket)
	cfn.SetLoggingConfiguration(&awss3.CfnBucket_LoggingConfigurationProperty{
		DestinationBucketName: logs.BucketName(),
		LogFilePrefix:         jsii.String("artifacts/"),
	})
	logs.AddToResourcePolicy(allowAccessLogDelivery(logs, artifacts))
	hardenAccessLogs(logs)
	return logs
}

// allowAccessLogDelivery is the statement that lets the S3 logging service write the
// access logs of source into logs, and only those.
func allowAccessLogDelivery(logs awss3.Bucket, source awss3.IBucket) awsiam.PolicyStatement {
	return awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
		Sid:        jsii.String("AllowArtifactAccessLogs"),
		Principals: &[]awsiam.IPrincipal{awsiam.NewServicePrincipal(jsii.String("logging.s3.amazonaws.com"), nil)},
		Actions:    jsii.Strings("s3:PutObject"),
		Resources:  &[]*string{logs.ArnForObjects(jsii.String("artifacts/*"))},
		Conditions: &map[string]interface{}{
			"ArnLike":      map[string]interface{}{"aws:SourceArn": source.BucketArn()},
			"StringEquals": map[string]interface{}{"aws:SourceAccount": awscdk.Stack_Of(logs).Account()},
		},
	})
}
