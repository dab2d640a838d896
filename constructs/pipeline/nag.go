package pipeline

import (
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/internal/nag"
)

// cdkPipelinesGrants are the wildcards of the grants CDK Pipelines and CodeBuild give
// the roles of the pipeline and its CodeBuild projects: read and write of the
// artifact bucket and its key, and each project's own log group and report groups.
var cdkPipelinesGrants = nag.Rule{
	ID: "AwsSolutions-IAM5",
	Reason: "CDK Pipelines' and CodeBuild's own grants on the pipeline's artifact bucket and keys and on each CodeBuild project's log group and report groups; " +
		"the wildcards stand for object keys, KMS data-key variants, log streams and report names of those resources only",
	AppliesTo: []string{
		`/^Action::kms:(GenerateDataKey|ReEncrypt)\*$/`,
		`/^Action::s3:(Abort|DeleteObject|GetBucket|GetObject|List)\*$/`,
		`/^Resource::<[A-Za-z0-9]*ArtifactsBucket[0-9A-F]{8}\.Arn>\/\*$/`,
		`/^Resource::arn:aws:codebuild:[a-z0-9-]+:\d{12}:report-group\/<[A-Za-z0-9]+>-\*$/`,
		`/^Resource::arn:aws:logs:[a-z0-9-]+:\d{12}:log-group:\/aws\/codebuild\/<[A-Za-z0-9]+>:\*$/`,
	},
}

// suppressPipelineFindings records why cdk-nag's findings on what CDK Pipelines and
// the AWS services it uses require do not apply.
func suppressPipelineFindings(x *Pipeline) {
	nag.Suppress(x.CodePipeline, true, cdkPipelinesGrants)
	if assets := x.CodePipeline.Node().TryFindChild(jsii.String("Assets")); assets != nil {
		nag.Suppress(assets, true, nag.Rule{
			ID: "AwsSolutions-IAM5",
			Reason: "CDK Pipelines' asset-publishing role serves every asset project, so it writes the logs and reports of any CodeBuild project " +
				"of this account and region and runs their builds; it assumes only the target accounts' publishing bootstrap roles",
			AppliesTo: []string{
				"Resource::*",
				`/^Resource::arn:aws:logs:[a-z0-9-]+:\d{12}:log-group:\/aws\/codebuild\/\*$/`,
				`/^Resource::arn:aws:codebuild:[a-z0-9-]+:\d{12}:report-group\/\*$/`,
			},
		})
	}
	suppressCrossRegionFindings(x)
	if self := x.CodePipeline.Node().TryFindChild(jsii.String("UpdatePipeline")); self != nil {
		nag.Suppress(self, true, nag.Rule{
			ID: "AwsSolutions-IAM5",
			Reason: "self-mutation assumes only the deployment account's CDK bootstrap roles (role/* narrowed by their aws-cdk:bootstrap-role tag) " +
				"and calls cloudformation:DescribeStacks and s3:ListBucket on *, as CDK Pipelines writes it",
			AppliesTo: []string{"Resource::*", `/^Resource::arn:\*:iam::\d{12}:role\/\*$/`},
		})
	}
	if x.AlarmCheck != nil {
		nag.Suppress(x.AlarmCheck, true, cdkPipelinesGrants, nag.Rule{
			ID:        "AwsSolutions-IAM5",
			Reason:    "cloudwatch:DescribeAlarms returns composite alarms only when allowed on every alarm; it reads alarm states and nothing else",
			AppliesTo: []string{"Resource::*"},
		})
	}
	if x.BakeMachine != nil {
		nag.Suppress(x.CodePipeline, true, nag.Rule{
			ID:        "AwsSolutions-IAM5",
			Reason:    "each bake action reads the executions it starts of the bake state machine, whose names CodePipeline generates per run",
			AppliesTo: []string{`/^Resource::arn:.*:states:.*:execution:.*Bake[0-9A-F]{8}.*:\*$/`},
		})
		nag.Suppress(x.BakeMachine, true, nag.Rule{
			ID: "AwsSolutions-IAM5",
			Reason: "X-Ray trace submission and CloudWatch Logs log delivery, which the bake's tracing and logging need, " +
				"have no resource-level permissions and must be allowed on *",
			AppliesTo: []string{"Resource::*"},
		})
	}
}

// suppressCrossRegionFindings records why the findings on CodePipeline's support for
// stacks in other regions do not apply: CodePipeline copies the artifacts to a
// replication bucket, encrypted with a key of its own, in a support stack of each
// such region.
func suppressCrossRegionFindings(x *Pipeline) {
	support := *x.Pipeline.CrossRegionSupport()
	if len(support) == 0 {
		return
	}
	nag.Suppress(x.Pipeline.Role(), true, nag.Rule{
		ID: "AwsSolutions-IAM5",
		Reason: "the pipeline copies artifacts to the replication bucket of each other region (its objects) and encrypts them with that region's " +
			"replication key, which the CDK grants on * because the pipeline stack cannot reference a key of another stack and region",
		AppliesTo: []string{"Resource::*", `/^Resource::arn:[^:]+:s3:::[a-z0-9-]+-support-[a-z0-9-]+\/\*$/`},
	})
	for _, s := range support {
		const reason = "the replication bucket holds only copies of the pipeline's encrypted artifacts for deployments in its region; " +
			"the artifact bucket they come from logs its access"
		nag.Suppress(s.ReplicationBucket, true, nag.Rule{ID: "AwsSolutions-S1", Reason: reason})
		hardenArtifacts(s.ReplicationBucket)
		nag.SuppressControls(s.ReplicationBucket, true, nag.Rule{ID: "CT.S3.PR.2", Reason: reason})
	}
}
