package guardduty

import (
	"slices"

	"github.com/aws/aws-cdk-go/awscdk/v2/awsguardduty"
	"github.com/aws/jsii-runtime-go"
)

// Feature is a GuardDuty protection plan, or one of Runtime Monitoring's agent
// management settings, by its GuardDuty API name. Every feature is on unless listed in
// DetectorProps.DisabledFeatures. GuardDuty bills each by volume after a 30-day free
// trial; the figures below are the first-tier list prices in us-east-1 from
// https://aws.amazon.com/guardduty/pricing/ and vary by region. The foundational
// detection that cannot be turned off (CloudTrail management events, VPC flow logs and
// DNS logs) costs about USD 4 per million events and USD 1 per GB.
type Feature string

// The features, each on by default.
const (
	// FeatureS3DataEvents (S3 Protection) analyses CloudTrail S3 data events for
	// suspicious access to buckets. About USD 0.80 per million events.
	FeatureS3DataEvents Feature = "S3_DATA_EVENTS"
	// FeatureEKSAuditLogs (EKS Protection) analyses EKS control-plane audit logs. About
	// USD 2 per million events; nothing without EKS clusters.
	FeatureEKSAuditLogs Feature = "EKS_AUDIT_LOGS"
	// FeatureRuntimeMonitoring analyses operating-system events from the GuardDuty
	// security agent on EKS, ECS Fargate and EC2. About USD 1.50 per monitored vCPU a
	// month. Turning it off turns off the three agent management settings too.
	FeatureRuntimeMonitoring Feature = "RUNTIME_MONITORING"
	// FeatureEKSAgentManagement lets GuardDuty install and update the agent as an EKS
	// add-on. No charge of its own.
	FeatureEKSAgentManagement Feature = "EKS_ADDON_MANAGEMENT"
	// FeatureECSFargateAgentManagement lets GuardDuty inject the agent as a sidecar into
	// new ECS Fargate tasks. No charge of its own.
	FeatureECSFargateAgentManagement Feature = "ECS_FARGATE_AGENT_MANAGEMENT"
	// FeatureEC2AgentManagement lets GuardDuty install the agent on EC2 instances
	// managed by SSM. No charge of its own; it creates a VPC endpoint per VPC.
	FeatureEC2AgentManagement Feature = "EC2_AGENT_MANAGEMENT"
	// FeatureEBSMalwareProtection scans the EBS volumes of an instance or container
	// after a finding suggests malware. About USD 0.10 per GB scanned, plus snapshot
	// storage during the scan; nothing while there are no such findings.
	FeatureEBSMalwareProtection Feature = "EBS_MALWARE_PROTECTION"
	// FeatureRDSLoginEvents (RDS Protection) analyses login activity on Aurora and RDS
	// databases. About USD 1.50 per vCPU a month of monitored provisioned instances.
	FeatureRDSLoginEvents Feature = "RDS_LOGIN_EVENTS"
	// FeatureLambdaNetworkLogs (Lambda Protection) analyses the network activity of
	// Lambda functions. About USD 1 per GB of network logs.
	FeatureLambdaNetworkLogs Feature = "LAMBDA_NETWORK_LOGS"
)

// Features returns every feature, protection plans first, in a new slice at each call.
func Features() []Feature { return slices.Concat(plans, agentManagement) }

// plans are the top-level features of the API; agentManagement are the additional
// configurations of FeatureRuntimeMonitoring.
var (
	plans = []Feature{
		FeatureS3DataEvents, FeatureEKSAuditLogs, FeatureRuntimeMonitoring, FeatureEBSMalwareProtection,
		FeatureRDSLoginEvents, FeatureLambdaNetworkLogs,
	}
	agentManagement = []Feature{FeatureEKSAgentManagement, FeatureECSFargateAgentManagement, FeatureEC2AgentManagement}
)

// Valid reports whether f is one of Features.
func (f Feature) Valid() bool {
	return slices.Contains(plans, f) || slices.Contains(agentManagement, f)
}

// featureState is a plan with its status and, for Runtime Monitoring, its agent
// management settings.
type featureState struct {
	name       Feature
	on         bool
	additional []featureState
}

// featureStates resolves which features are on, in API order: every plan, each
// explicitly on or off, so that GuardDuty's own defaults never decide.
func featureStates(disabled []Feature) []featureState {
	var states []featureState
	for _, p := range plans {
		s := featureState{name: p, on: !slices.Contains(disabled, p)}
		if p == FeatureRuntimeMonitoring {
			for _, a := range agentManagement {
				s.additional = append(s.additional, featureState{name: a, on: s.on && !slices.Contains(disabled, a)})
			}
		}
		states = append(states, s)
	}
	return states
}

// detectorFeatures is the Features property of AWS::GuardDuty::Detector.
func detectorFeatures(states []featureState) []*awsguardduty.CfnDetector_CFNFeatureConfigurationProperty {
	var out []*awsguardduty.CfnDetector_CFNFeatureConfigurationProperty
	for _, s := range states {
		f := &awsguardduty.CfnDetector_CFNFeatureConfigurationProperty{Name: jsii.String(string(s.name)), Status: jsii.String(status(s.on))}
		if len(s.additional) > 0 {
			var add []*awsguardduty.CfnDetector_CFNFeatureAdditionalConfigurationProperty
			for _, a := range s.additional {
				add = append(add, &awsguardduty.CfnDetector_CFNFeatureAdditionalConfigurationProperty{Name: jsii.String(string(a.name)), Status: jsii.String(status(a.on))})
			}
			f.AdditionalConfiguration = add
		}
		out = append(out, f)
	}
	return out
}

// apiFeatures is the Features parameter of the GuardDuty API: of UpdateDetector with
// key "Status" and values ENABLED/DISABLED, of UpdateOrganizationConfiguration with key
// "AutoEnable" and values ALL/NONE.
func apiFeatures(states []featureState, key string, value func(on bool) string) []map[string]interface{} {
	var out []map[string]interface{}
	for _, s := range states {
		f := map[string]interface{}{"Name": string(s.name), key: value(s.on)}
		if len(s.additional) > 0 {
			f["AdditionalConfiguration"] = apiFeatures(s.additional, key, value)
		}
		out = append(out, f)
	}
	return out
}

func status(on bool) string {
	if on {
		return "ENABLED"
	}
	return "DISABLED"
}

// autoEnable enables a feature in every account of the organization, existing and new.
func autoEnable(on bool) string {
	if on {
		return "ALL"
	}
	return "NONE"
}
