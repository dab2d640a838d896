package egressproxy

import (
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsautoscaling"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/internal/nag"
)

type proxyGroupProps struct {
	vpc           awsec2.IVpc
	subnet        awsec2.ISubnet
	image         awsec2.IMachineImage
	settings      Settings
	role          awsiam.Role
	securityGroup awsec2.ISecurityGroup
	proxyTag      string
	// name is the Name tag of the instance.
	name string
	boot bootstrap
}

// newProxyGroup builds the launch template and the one-instance Auto Scaling group of
// the proxy in subnet number i.
func newProxyGroup(scope constructs.Construct, i int, p proxyGroupProps) awsautoscaling.AutoScalingGroup {
	userData := awsec2.UserData_ForLinux(nil)
	userData.AddCommands(jsii.String(render(bootstrapScript, p.boot)))

	template := awsec2.NewLaunchTemplate(scope, jsii.String(fmt.Sprintf("LaunchTemplate%d", i+1)), &awsec2.LaunchTemplateProps{
		MachineImage:  p.image,
		InstanceType:  awsec2.NewInstanceType(jsii.String(p.settings.InstanceType)),
		Role:          p.role,
		SecurityGroup: p.securityGroup,
		UserData:      userData,
		RequireImdsv2: jsii.Bool(true),
		// Only until the bootstrap script moves the AZ's Elastic IP onto the instance.
		AssociatePublicIpAddress: jsii.Bool(true),
		DetailedMonitoring:       jsii.Bool(true),
		BlockDevices: &[]*awsec2.BlockDevice{{
			DeviceName: jsii.String("/dev/xvda"),
			Volume: awsec2.BlockDeviceVolume_Ebs(jsii.Number(rootVolumeGiB), &awsec2.EbsDeviceOptions{
				Encrypted:  jsii.Bool(true),
				VolumeType: awsec2.EbsDeviceVolumeType_GP3,
			}),
		}},
	})

	nag.SuppressControls(template, true, publicIPControl)

	asg := awsautoscaling.NewAutoScalingGroup(scope, jsii.String(fmt.Sprintf("Group%d", i+1)), &awsautoscaling.AutoScalingGroupProps{
		Vpc:            p.vpc,
		VpcSubnets:     &awsec2.SubnetSelection{Subnets: &[]awsec2.ISubnet{p.subnet}},
		LaunchTemplate: template,
		MinCapacity:    jsii.Number(1),
		MaxCapacity:    jsii.Number(1),
		HealthChecks: awsautoscaling.HealthChecks_WithAdditionalChecks(&awsautoscaling.AdditionalHealthChecksOptions{
			AdditionalTypes: &[]awsautoscaling.AdditionalHealthCheckType{awsautoscaling.AdditionalHealthCheckType_ELB},
			GracePeriod:     awscdk.Duration_Minutes(jsii.Number(healthGraceMinutes)),
		}),
		Signals: awsautoscaling.Signals_WaitForAll(&awsautoscaling.SignalsOptions{Timeout: awscdk.Duration_Minutes(jsii.Number(bootTimeoutMinutes))}),
		UpdatePolicy: awsautoscaling.UpdatePolicy_RollingUpdate(&awsautoscaling.RollingUpdateOptions{
			MaxBatchSize:          jsii.Number(1),
			MinInstancesInService: jsii.Number(0),
		}),
	})
	userData.AddSignalOnExitCommand(asg)
	// The role's policy must exist before the first instance boots and claims its IP.
	asg.Node().AddDependency(p.role)
	awscdk.Tags_Of(asg).Add(jsii.String(proxyTagKey), jsii.String(p.proxyTag), nil)
	awscdk.Tags_Of(asg).Add(jsii.String("Name"), jsii.String(p.name), nil)
	return asg
}
