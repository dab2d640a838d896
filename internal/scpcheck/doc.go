// Package scpcheck checks that a landing zone's guardrails leave its own principals
// every action they need: for each stack, its deploy role's actions on each resource
// it creates, and each IAM role's allowed actions on the resources its policies name,
// evaluated with scpsim against the SCPs in force for the stack's account.
//
// It reads synthesized templates. What it models, and where it errs toward a finding:
//   - A role's name is its RoleName, with AWS::AccountId, AWS::Region and
//     AWS::Partition resolved; a role without one gets CloudFormation's generated name,
//     "<stack>-<logical ID>-<random>", which no exemption foresees.
//   - A role's policies are its inline Policies and the AWS::IAM::Policy and
//     AWS::IAM::ManagedPolicy resources of its stack that name it. AWS managed policies
//     are not read (their content is not in the template); Report.ManagedPolicies
//     counts them.
//   - An Allow statement's every Action is paired with every Resource; a part of a
//     resource that the template leaves to deploy time (a Ref, a GetAtt) becomes *,
//     which can only add findings. Conditions of the role's own statements are
//     ignored, which can only add findings too.
//   - The deploy role performs "<service>:*" on every resource of the stack: an S3
//     bucket, an IAM role or a KMS alias by its ARN, a new KMS key by a placeholder
//     ARN in the stack's account and region, an inline policy on the ARNs of its roles, others
//     on *. The landing zone's own deploy role must be exempt, as a role that
//     creates and updates everything the landing zone holds; a team's deploy role must
//     not touch what the guardrails protect.
//   - Requests carry aws:PrincipalArn and aws:RequestedRegion (the stack's region),
//     and kms:ResourceAliases for a key of the stack that an alias of the stack names.
//     Any other condition key is absent, as IAM then decides.
//
// Custom resources are invoked by CloudFormation and left out; the roles of their
// handlers are checked as every role is.
package scpcheck
