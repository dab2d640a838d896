package alerting_test

import (
	"strings"
	"testing"

	"github.com/go-landingzone/landingzone/constructs/alerting"
	"github.com/go-landingzone/landingzone/internal/lztest"
)

func TestAlertTopicPropsErrors(t *testing.T) {
	slack := func(s alerting.SlackChannel) alerting.AlertTopicProps {
		return alerting.AlertTopicProps{Slack: []alerting.SlackChannel{s}}
	}
	for _, tc := range []struct {
		name  string
		props alerting.AlertTopicProps
		want  []string
	}{
		{"malformed e-mail", alerting.AlertTopicProps{Emails: []string{"security@example.com", "security.example.com", "Sec <sec@example.com>", ""}},
			[]string{`AlertTopicProps.Emails[1] "security.example.com": not an e-mail address`, `AlertTopicProps.Emails[2] "Sec <sec@example.com>": not an e-mail address`, `AlertTopicProps.Emails[3] "": not an e-mail address`}},
		{"display name over SNS's 100 characters", alerting.AlertTopicProps{DisplayName: strings.Repeat("x", 101)},
			[]string{`AlertTopicProps.DisplayName "` + strings.Repeat("x", 101) + `": 101 characters; SNS allows at most 100`}},
		{"duplicate e-mail", alerting.AlertTopicProps{Emails: []string{"a@example.com", "a@example.com"}},
			[]string{`AlertTopicProps.Emails[1] "a@example.com": duplicate of AlertTopicProps.Emails[0]`}},
		{"empty Slack IDs", slack(alerting.SlackChannel{}),
			[]string{`AlertTopicProps.Slack[0].WorkspaceID "": not a Slack workspace ID such as "T07EA123LEP"`, `AlertTopicProps.Slack[0].ChannelID "": not a Slack channel ID such as "C07EZ1ABC23"`}},
		{"Slack workspace ID in the wrong shape", slack(alerting.SlackChannel{WorkspaceID: "t07ea123lep", ChannelID: "C07EZ1ABC23"}),
			[]string{`AlertTopicProps.Slack[0].WorkspaceID "t07ea123lep": not a Slack workspace ID`}},
		{"Slack channel name instead of ID", slack(alerting.SlackChannel{WorkspaceID: "T07EA123LEP", ChannelID: "#security-alerts"}),
			[]string{`AlertTopicProps.Slack[0].ChannelID "#security-alerts": not a Slack channel ID`}},
		{"Slack IDs swapped", slack(alerting.SlackChannel{WorkspaceID: "C07EZ1ABC23", ChannelID: "T07EA123LEP"}),
			[]string{`AlertTopicProps.Slack[0].WorkspaceID "C07EZ1ABC23"`, `AlertTopicProps.Slack[0].ChannelID "T07EA123LEP"`}},
		{"Slack configuration name", slack(alerting.SlackChannel{WorkspaceID: "T07EA123LEP", ChannelID: "C07EZ1ABC23", Name: "security alerts"}),
			[]string{`AlertTopicProps.Slack[0].Name "security alerts": not a Chatbot configuration name`}},
		{"unknown logging level", slack(alerting.SlackChannel{WorkspaceID: "T07EA123LEP", ChannelID: "C07EZ1ABC23", LoggingLevel: "DEBUG"}),
			[]string{`AlertTopicProps.Slack[0].LoggingLevel "DEBUG": want one of ["ERROR" "INFO" "NONE"]`}},
		{"same Slack channel twice", alerting.AlertTopicProps{Slack: []alerting.SlackChannel{
			{WorkspaceID: "T07EA123LEP", ChannelID: "C07EZ1ABC23"}, {WorkspaceID: "T07EA123LEP", ChannelID: "C07EZ1ABC23", Name: "other"}}},
			[]string{`AlertTopicProps.Slack[1].ChannelID "T07EA123LEP/C07EZ1ABC23": duplicate of AlertTopicProps.Slack[0].ChannelID`}},
		{"default Slack configuration name too long", alerting.AlertTopicProps{Name: strings.Repeat("a", 120), Slack: []alerting.SlackChannel{{WorkspaceID: "T07EA123LEP", ChannelID: "C07EZ1ABC23"}}},
			[]string{"AlertTopicProps.Slack[0].Name \"\": the default", "set `Name`"}},
		{"topic name", alerting.AlertTopicProps{Name: "alerts.fifo"}, []string{`AlertTopicProps.Name "alerts.fifo": not an SNS topic name`}},
		{"alarm account", alerting.AlertTopicProps{AlarmAccounts: []string{"11111111111", lztest.Account}},
			[]string{`AlertTopicProps.AlarmAccounts[0] "11111111111": not a 12-digit AWS account ID`, `AlertTopicProps.AlarmAccounts[1] "123456789012": is the topic's own account`}},
		{"every problem at once", alerting.AlertTopicProps{
			Name: "a b", Emails: []string{"nobody"}, Slack: []alerting.SlackChannel{{WorkspaceID: "T1", ChannelID: ""}}, AlarmAccounts: []string{"x"},
		}, []string{`AlertTopicProps.Name "a b"`, `AlertTopicProps.Emails[0] "nobody"`, `AlertTopicProps.Slack[0].WorkspaceID "T1"`, `AlertTopicProps.Slack[0].ChannelID ""`, `AlertTopicProps.AlarmAccounts[0] "x"`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			stack := lztest.NewStack(t)
			var err error
			lztest.Do(t, func() { _, err = alerting.NewAlertTopic(stack, "Alerts", tc.props) })
			lztest.ExpectInvalid(t, err, "alerting: AlertTopicProps.", tc.want...)
			lztest.ExpectNoChild(t, stack, "Alerts")
		})
	}
}

// Validate needs no stack, so that a configuration loader can report mistakes first.
func TestValidateWithoutStack(t *testing.T) {
	if err := (alerting.AlertTopicProps{Emails: []string{"a@example.com"}}).Validate(); err != nil {
		t.Errorf("valid topic props: %v", err)
	}
	lztest.ExpectInvalid(t, alerting.AlertTopicProps{Slack: []alerting.SlackChannel{{}}}.Validate(), "alerting: AlertTopicProps.", "Slack[0].WorkspaceID")
}
