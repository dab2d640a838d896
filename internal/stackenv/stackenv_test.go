package stackenv_test

import (
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/internal/lztest"
	"github.com/go-landingzone/landingzone/internal/stackenv"
)

func TestMain(m *testing.M) { lztest.Main(m) }

func TestOf(t *testing.T) {
	// A bare app, without the feature flags that make the CDK's own partition literal.
	app := awscdk.NewApp(nil)
	for _, tc := range []struct {
		region, partition string
		concrete          bool
	}{
		{"eu-west-1", "aws", true},
		{"cn-north-1", "aws-cn", true},
		{"us-gov-west-1", "aws-us-gov", true},
		{"", "${Token[AWS.Partition", false},
	} {
		var e stackenv.Env
		lztest.Do(t, func() {
			var env *awscdk.Environment
			if tc.region != "" {
				env = &awscdk.Environment{Account: jsii.String("123456789012"), Region: jsii.String(tc.region)}
			}
			e = stackenv.Of(awscdk.NewStack(app, jsii.String("S"+strings.ReplaceAll(tc.region, "-", "")), &awscdk.StackProps{Env: env}))
		})
		if !strings.HasPrefix(e.Partition, tc.partition) || e.Region != tc.region || e.Concrete() != tc.concrete {
			t.Errorf("region %q: %+v, want partition %s", tc.region, e, tc.partition)
		}
	}
}
