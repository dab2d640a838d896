package landingzonetest

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssns"
	"github.com/aws/jsii-runtime-go"
)

func TestMain(m *testing.M) { Main(m) }

// recorder is a testing.TB that records failures instead of failing the real test, so
// that the gates' own failures can be asserted on.
type recorder struct {
	testing.TB
	failures []string
}

func (r *recorder) Errorf(format string, args ...any) {
	r.failures = append(r.failures, fmt.Sprintf(format, args...))
}
func (r *recorder) Fatalf(format string, args ...any) { r.Errorf(format, args...); r.FailNow() }
func (r *recorder) Fatal(args ...any)                 { r.Errorf("%s", fmt.Sprint(args...)); r.FailNow() }
func (r *recorder) FailNow()                          { panic(r) }
func (r *recorder) Failed() bool                      { return len(r.failures) > 0 }
func (r *recorder) Helper()                           {}

// capture runs fn against a recorder and returns what it reported.
func capture(t *testing.T, fn func(r *recorder)) string {
	r := &recorder{TB: t}
	func() {
		defer func() {
			if p := recover(); p != nil && p != r {
				panic(p)
			}
		}()
		fn(r)
	}()
	return strings.Join(r.failures, "\n")
}

func TestNagGateReportsUnsuppressedFinding(t *testing.T) {
	got := capture(t, func(r *recorder) {
		SynthStack(r, func(s awscdk.Stack) { awssns.NewTopic(s, jsii.String("Plain"), nil) })
	})
	for _, want := range []string{"AwsSolutions-SNS3", "/Test/Plain/Resource"} {
		if !strings.Contains(got, want) {
			t.Errorf("gate report lacks %q:\n%s", want, got)
		}
	}
}

// cdk-nag warnings do not fail synthesis; the gate must still report them.
func TestNagGateReportsWarnings(t *testing.T) {
	got := capture(t, func(r *recorder) {
		SynthStack(r, func(s awscdk.Stack) {
			awsec2.NewCfnNetworkAcl(s, jsii.String("Acl"), &awsec2.CfnNetworkAclProps{VpcId: jsii.String("vpc-12345678")})
		})
	})
	if !strings.Contains(got, "AwsSolutions-VPC3") || !strings.Contains(got, "/Test/Acl") {
		t.Errorf("gate report lacks the VPC3 warning:\n%s", got)
	}
}

func TestNagGateAcceptsSuppressedFinding(t *testing.T) {
	tpl := SynthStack(t, func(s awscdk.Stack) {
		topic := awssns.NewTopic(s, jsii.String("Plain"), nil)
		Suppress(t, topic, "AwsSolutions-SNS3", "the test topic has no subscribers to protect")
	})
	tpl.ResourceCountIs("AWS::SNS::Topic", 1)
}

func TestSuppressRefusesShortReason(t *testing.T) {
	stack := NewStack(t)
	for _, reason := range []string{"", "   ", "too short"} {
		got := capture(t, func(r *recorder) { Suppress(r, stack, "AwsSolutions-SNS2", reason) })
		if !strings.Contains(got, "needs a reason") {
			t.Errorf("Suppress with reason %q: got %q, want a refusal", reason, got)
		}
	}
}

func TestSynthRefusesContextLookups(t *testing.T) {
	got := capture(t, func(r *recorder) {
		SynthStack(r, func(s awscdk.Stack) {
			awsec2.Vpc_FromLookup(s, jsii.String("Existing"), &awsec2.VpcLookupOptions{VpcId: jsii.String("vpc-12345678")})
			// A resource, so that the stack passes the CDK's own template checks.
			awssns.NewTopic(s, jsii.String("Topic"), &awssns.TopicProps{EnforceSSL: jsii.Bool(true)})
		})
	})
	if !strings.Contains(got, "context lookups") || !strings.Contains(got, "vpc-provider") {
		t.Errorf("got %q, want a report of the vpc-provider lookup", got)
	}
}

func TestDoTurnsPanicIntoFatal(t *testing.T) {
	got := capture(t, func(r *recorder) {
		stack := NewStack(t)
		Do(r, func() {
			awssns.NewTopic(stack, jsii.String("Twice"), nil)
			awssns.NewTopic(stack, jsii.String("Twice"), nil)
		})
	})
	if !strings.Contains(got, "CDK error") || !strings.Contains(got, "Twice") {
		t.Errorf("got %q, want the CDK error reported", got)
	}
}

func TestGolden(t *testing.T) {
	tpl := SynthStack(t, func(s awscdk.Stack) {
		awssns.NewTopic(s, jsii.String("Topic"), &awssns.TopicProps{EnforceSSL: jsii.Bool(true)})
	})
	t.Chdir(t.TempDir())
	golden := filepath.Join("testdata", "snapshot.json")

	*update = true
	GoldenNamed(t, "snapshot", tpl)
	*update = false
	written, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got := capture(t, func(r *recorder) { GoldenNamed(r, "snapshot", tpl) }); got != "" {
		t.Fatalf("the snapshot just written does not match: %s", got)
	}

	edited := strings.Replace(string(written), `"AWS::SNS::Topic"`, `"AWS::SQS::Queue"`, 1)
	if err := os.WriteFile(golden, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	got := capture(t, func(r *recorder) { GoldenNamed(r, "snapshot", tpl) })
	for _, want := range []string{`-      "Type": "AWS::SQS::Queue"`, `+      "Type": "AWS::SNS::Topic"`, "-update"} {
		if !strings.Contains(got, want) {
			t.Errorf("mismatch report lacks %q:\n%s", want, got)
		}
	}
}

func TestNormalizeHidesAssetHashes(t *testing.T) {
	hash := strings.Repeat("ab", 32)
	got, err := Normalize([]byte(`{"S3Key":"` + hash + `.zip"}`))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(got), hash) || !strings.Contains(string(got), "<asset-hash>.zip") {
		t.Errorf("Normalize kept the asset hash: %s", got)
	}
}

// A key with rotation passes cdk-nag, but without a statement that limits grants to
// AWS services it breaks Control Tower's CT.KMS.PR.3.
func rotatingKey(s awscdk.Stack) awskms.Key {
	return awskms.NewKey(s, jsii.String("Key"), &awskms.KeyProps{EnableKeyRotation: jsii.Bool(true)})
}

func TestControlGateReportsUnsuppressedFinding(t *testing.T) {
	got := capture(t, func(r *recorder) {
		SynthStack(r, func(s awscdk.Stack) { rotatingKey(s) })
	})
	for _, want := range []string{"Test: CT.KMS.PR.3: Require an AWS KMS key policy", "(Key961B73FD) at /Test/Key/Resource"} {
		if !strings.Contains(got, want) {
			t.Errorf("gate report lacks %q:\n%s", want, got)
		}
	}
}

func TestControlGateAcceptsSuppressedFinding(t *testing.T) {
	tpl := SynthStack(t, func(s awscdk.Stack) {
		SuppressControl(t, rotatingKey(s), "CT.KMS.PR.3", "the test key is never shared with another principal")
	})
	tpl.HasResource("AWS::KMS::Key", map[string]any{"Metadata": map[string]any{
		"control_tower": map[string]any{"rules_to_suppress": []any{
			map[string]any{"id": "CT.KMS.PR.3", "reason": "the test key is never shared with another principal"},
		}},
	}})
}

func TestSuppressControlRefusesShortReason(t *testing.T) {
	stack := NewStack(t)
	got := capture(t, func(r *recorder) { SuppressControl(r, stack, "CT.KMS.PR.3", "too short") })
	if !strings.Contains(got, "needs a reason") {
		t.Errorf("SuppressControl with a short reason: got %q, want a refusal", got)
	}
}
