package alerting

import (
	"fmt"
	"regexp"
	"unicode/utf8"

	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"

	"github.com/go-landingzone/landingzone/internal/check"
)

// DefaultTopicName names the alert topic in every account and region, so that alarms in
// other accounts can build its ARN with TopicArn.
const DefaultTopicName = "landingzone-alerts"

// AlertTopicProps configures NewAlertTopic. The zero value is a topic named
// DefaultTopicName with a new KMS key, no subscribers, and no publishers from other
// accounts.
type AlertTopicProps struct {
	// Name is the topic's physical name: letters, digits, hyphens and underscores, at
	// most 256 characters. Empty means DefaultTopicName.
	Name string
	// DisplayName is the sender name of the e-mail notifications. Empty means "Landing
	// zone alerts".
	DisplayName string
	// Emails are the addresses that receive every alert. Each must confirm the
	// subscription from the message AWS sends it. Empty means none.
	Emails []string
	// Slack lists the Slack channels that receive every alert through AWS Chatbot.
	// Empty means none.
	Slack []SlackChannel
	// AlarmAccounts are the 12-digit IDs of other accounts, in the same region, whose
	// CloudWatch alarms may publish to the topic: the management account for the
	// organization trail's alarms, workload accounts for their log-pattern alarms.
	// Empty means alarms of the topic's own account only.
	AlarmAccounts []string
	// Key encrypts the topic. Nil creates a key with rotation whose policy admits
	// EventBridge and CloudWatch. A key passed in must already admit both services
	// (events.amazonaws.com and cloudwatch.amazonaws.com, kms:GenerateDataKey* and
	// kms:Decrypt), or their notifications are silently dropped.
	Key awskms.IKey
}

// SlackChannel is one Slack channel that AWS Chatbot posts alerts to. The Slack
// workspace must have been authorized once in the AWS Chatbot console of the account,
// which is the only step that cannot be automated.
type SlackChannel struct {
	// WorkspaceID is the Slack workspace (team) ID shown by the Chatbot console, such
	// as "T07EA123LEP". Required.
	WorkspaceID string
	// ChannelID is the ID at the end of the channel's link, such as "C07EZ1ABC23"
	// (public channels start with C, private ones with G). Required. A private channel
	// must invite the AWS app (/invite @aws).
	ChannelID string
	// Name names the Chatbot channel configuration, unique in the account: letters,
	// digits, hyphens and underscores, at most 128 characters. Empty means the topic
	// name and the channel ID joined by a hyphen.
	Name string
	// LoggingLevel is what Chatbot writes to its CloudWatch log group in us-east-1.
	// Empty means LoggingError.
	LoggingLevel LoggingLevel
}

// LoggingLevel is how much AWS Chatbot logs about a channel.
type LoggingLevel string

// Logging levels of AWS Chatbot.
const (
	// LoggingError logs failed deliveries only.
	LoggingError LoggingLevel = "ERROR"
	// LoggingInfo logs every notification too.
	LoggingInfo LoggingLevel = "INFO"
	// LoggingNone logs nothing.
	LoggingNone LoggingLevel = "NONE"
)

// LoggingLevels returns the logging levels, the default first, in a new slice at each
// call.
func LoggingLevels() []LoggingLevel {
	return []LoggingLevel{LoggingError, LoggingInfo, LoggingNone}
}

// Shapes from the SNS and AWS Chatbot API references; Slack IDs are upper-case letters
// and digits after a type letter (T for workspaces, E for Enterprise Grid
// organizations; C for public and G for private channels).
var (
	topicName       = regexp.MustCompile(`^[A-Za-z0-9_-]{1,256}$`)
	slackConfigName = regexp.MustCompile(`^[A-Za-z0-9_-]{1,128}$`)
	slackWorkspace  = regexp.MustCompile(`^[TE][A-Z0-9]{8,254}$`)
	slackChannel    = regexp.MustCompile(`^[CG][A-Z0-9]{8,254}$`)
)

const defaultDisplayName = "Landing zone alerts"

// withDefaults returns a copy of p with every zero field resolved.
func (p AlertTopicProps) withDefaults() AlertTopicProps {
	if p.Name == "" {
		p.Name = DefaultTopicName
	}
	if p.DisplayName == "" {
		p.DisplayName = defaultDisplayName
	}
	slack := make([]SlackChannel, len(p.Slack))
	for i, s := range p.Slack {
		if s.Name == "" {
			s.Name = p.Name + "-" + s.ChannelID
		}
		if s.LoggingLevel == "" {
			s.LoggingLevel = LoggingError
		}
		slack[i] = s
	}
	p.Slack = slack
	return p
}

// Validate reports every problem in p, with fields named as in AlertTopicProps
// ("AlertTopicProps.Slack[0].ChannelID"). Configuration loaders use it to report
// mistakes before building anything.
func (p AlertTopicProps) Validate() error {
	_, err := p.validate("")
	return err
}

// validate checks raw props and returns them with defaults resolved. stackAccount is
// the stack's account, or empty when it is a token.
// maxDisplayName is the longest display name of an SNS topic.
const maxDisplayName = 100

func (p AlertTopicProps) validate(stackAccount string) (AlertTopicProps, error) {
	var l check.List
	r := p.withDefaults()
	if !topicName.MatchString(r.Name) {
		l.Addf("AlertTopicProps.Name", p.Name, "not an SNS topic name: 1-256 letters, digits, hyphens and underscores")
	}
	// SNS's limit, which the CDK's Topic also enforces (by throwing): "DisplayName ...
	// maximum 100 characters", CreateTopic attributes in the Amazon SNS API Reference.
	if n := utf8.RuneCountInString(r.DisplayName); n > maxDisplayName {
		l.Addf("AlertTopicProps.DisplayName", r.DisplayName, "%d characters; SNS allows at most %d", n, maxDisplayName)
	}
	for i, e := range p.Emails {
		check.Email(&l, check.Index("AlertTopicProps.Emails", i), e)
	}
	check.Duplicates(&l, "AlertTopicProps.Emails[%d]", p.Emails)
	for i, a := range p.AlarmAccounts {
		field := check.Index("AlertTopicProps.AlarmAccounts", i)
		check.AccountID(&l, field, a)
		if a != "" && a == stackAccount {
			l.Addf(field, a, "is the topic's own account, whose alarms are always admitted")
		}
	}
	check.Duplicates(&l, "AlertTopicProps.AlarmAccounts[%d]", p.AlarmAccounts)
	var names, channels []string
	for i, s := range r.Slack {
		validateSlack(&l, fmt.Sprintf("AlertTopicProps.Slack[%d].", i), p.Slack[i], s)
		names = append(names, s.Name)
		channels = append(channels, s.WorkspaceID+"/"+s.ChannelID)
	}
	check.Duplicates(&l, "AlertTopicProps.Slack[%d].Name", names)
	check.Duplicates(&l, "AlertTopicProps.Slack[%d].ChannelID", channels)
	return r, l.Err("alerting")
}

// validateSlack checks one channel as written (raw) and with defaults (s).
func validateSlack(l *check.List, prefix string, raw, s SlackChannel) {
	if !slackWorkspace.MatchString(raw.WorkspaceID) {
		l.Addf(prefix+"WorkspaceID", raw.WorkspaceID, "not a Slack workspace ID such as \"T07EA123LEP\"; copy it from the AWS Chatbot console")
	}
	if !slackChannel.MatchString(raw.ChannelID) {
		l.Addf(prefix+"ChannelID", raw.ChannelID, "not a Slack channel ID such as \"C07EZ1ABC23\"; copy it from the end of the channel's link")
	}
	switch {
	case raw.Name != "" && !slackConfigName.MatchString(raw.Name):
		l.Addf(prefix+"Name", raw.Name, "not a Chatbot configuration name: 1-128 letters, digits, hyphens and underscores")
	case raw.Name == "" && slackChannel.MatchString(raw.ChannelID) && !slackConfigName.MatchString(s.Name):
		l.Addf(prefix+"Name", raw.Name, "the default %q is not a Chatbot configuration name of at most 128 characters; set `Name`", s.Name)
	}
	if raw.LoggingLevel != "" {
		check.OneOf(l, prefix+"LoggingLevel", raw.LoggingLevel, LoggingLevels())
	}
}
