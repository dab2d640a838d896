package main

import (
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
)

// Artifact types of the cloud assembly manifest
// (https://docs.aws.amazon.com/cdk/api/v2/docs/cloud-assembly-schema.ArtifactType.html).
const (
	stackArtifact    = "aws:cloudformation:stack"
	assemblyArtifact = "cdk:cloud-assembly"
)

// maxNesting bounds how deep nested assemblies are followed: CDK Pipelines nest one
// level per stage, and a manifest that names an enclosing directory must not make
// the reading loop.
const maxNesting = 16

// stack is one stack artifact of an assembly, with its template.
type stack struct {
	// ID is the stack's display name, its construct path ("Audit/Security-eu-west-1"
	// for a stack of a pipeline's stage): unique within the assembly.
	ID string
	// Name is the CloudFormation stack name.
	Name string
	// Account and Region are the stack's environment; empty for an
	// environment-agnostic stack.
	Account, Region string
	// File is the template's absolute path; Path is it relative to the assembly
	// directory, for reports.
	File, Path string
	// ExecRole is the ARN of the role CloudFormation deploys the stack as, from the
	// manifest; empty when the manifest names none.
	ExecRole string
	// Paths maps the logical IDs of the template's resources to the construct paths
	// that made them, from the manifest's metadata; empty for a template the CDK did
	// not write.
	Paths map[string]string
	// Raw is the template as written; Template is it decoded.
	Raw      []byte
	Template map[string]any
}

// manifest is the part of manifest.json that check reads.
type manifest struct {
	Artifacts map[string]artifact `json:"artifacts"`
}

// artifact is a stack or a nested assembly of a manifest.
type artifact struct {
	Type        string   `json:"type"`
	Environment string   `json:"environment"`
	DisplayName string   `json:"displayName"`
	Metadata    metadata `json:"metadata"`
	// The CDK writes a stack's metadata to a file of its own when it is large.
	AdditionalMetadataFile string `json:"additionalMetadataFile"`
	Properties             struct {
		TemplateFile                   string `json:"templateFile"`
		StackName                      string `json:"stackName"`
		CloudFormationExecutionRoleArn string `json:"cloudFormationExecutionRoleArn"`
		DirectoryName                  string `json:"directoryName"`
	} `json:"properties"`
}

// readAssembly reads the stacks of the cloud assembly in dir and of its nested
// assemblies, sorted by ID.
func readAssembly(dir string) ([]stack, error) {
	// cfn-guard names each template by its absolute path.
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	var out []stack
	if err := readManifest(abs, abs, "", 0, &out); err != nil {
		return nil, err
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	for i := 1; i < len(out); i++ {
		if out[i].ID == out[i-1].ID {
			return nil, fmt.Errorf("%s: two stacks named %s", dir, out[i].ID)
		}
	}
	return out, nil
}

// readManifest appends the stacks of the assembly in dir, nested under the display
// name prefix, to out; root is the top assembly's directory.
func readManifest(root, dir, prefix string, depth int, out *[]stack) error {
	if depth > maxNesting {
		return fmt.Errorf("%s: assemblies nested more than %d deep", dir, maxNesting)
	}
	raw, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
	if err != nil {
		return fmt.Errorf("not a cloud assembly (run `cdk synth` first): %w", err)
	}
	var m manifest
	if err := json.Unmarshal(raw, &m); err != nil {
		return fmt.Errorf("%s: %w", filepath.Join(dir, "manifest.json"), err)
	}
	ids := slices.Sorted(maps.Keys(m.Artifacts))
	for _, id := range ids {
		a := m.Artifacts[id]
		switch a.Type {
		case assemblyArtifact:
			name := a.Properties.DirectoryName
			if name == "" || filepath.IsAbs(name) || strings.HasPrefix(filepath.Clean(name), "..") {
				return fmt.Errorf("%s: nested assembly %s: directoryName %q is not a directory inside the assembly", dir, id, name)
			}
			// A stack names its construct path in displayName; the prefix stands in
			// for a manifest that omits it.
			nested := prefix + strings.TrimPrefix(filepath.Base(name), "assembly-") + "/"
			if err := readManifest(root, filepath.Join(dir, name), nested, depth+1, out); err != nil {
				return err
			}
		case stackArtifact:
			s, err := readStack(root, dir, prefix+id, a)
			if err != nil {
				return err
			}
			*out = append(*out, s)
		}
	}
	return nil
}

// readStack reads the stack artifact a of the assembly in dir and its template;
// fallbackID is its ID when the manifest gives it no display name.
func readStack(root, dir, fallbackID string, a artifact) (stack, error) {
	s := stack{ID: a.DisplayName, Name: a.Properties.StackName}
	if s.ID == "" {
		s.ID = fallbackID
	}
	if s.Name == "" {
		s.Name = path.Base(fallbackID)
	}
	var err error
	if s.Account, s.Region, err = parseEnvironment(a.Environment); err != nil {
		return s, fmt.Errorf("%s: stack %s: %w", dir, s.ID, err)
	}
	if a.Properties.TemplateFile == "" {
		return s, fmt.Errorf("%s: stack %s has no templateFile", dir, s.ID)
	}
	s.File = filepath.Join(dir, a.Properties.TemplateFile)
	if s.Path, err = filepath.Rel(root, s.File); err != nil {
		s.Path = s.File
	}
	if s.Raw, err = os.ReadFile(s.File); err != nil {
		return s, err
	}
	if err := json.Unmarshal(s.Raw, &s.Template); err != nil {
		return s, fmt.Errorf("%s: %w", s.File, err)
	}
	if role := a.Properties.CloudFormationExecutionRoleArn; role != "" {
		s.ExecRole = strings.NewReplacer("${AWS::Partition}", "aws", "${AWS::AccountId}", s.Account, "${AWS::Region}", s.Region).Replace(role)
	}
	if s.Paths, err = logicalPaths(dir, a.Metadata, a.AdditionalMetadataFile); err != nil {
		return s, fmt.Errorf("%s: stack %s: %w", dir, s.ID, err)
	}
	return s, nil
}

// parseEnvironment reads "aws://ACCOUNT/REGION"; the CDK writes unknown-account and
// unknown-region for a stack that leaves them to deploy time, returned as "".
func parseEnvironment(env string) (account, region string, err error) {
	rest, ok := strings.CutPrefix(env, "aws://")
	account, region, ok2 := strings.Cut(rest, "/")
	if !ok || !ok2 {
		return "", "", fmt.Errorf("environment %q: want aws://ACCOUNT/REGION", env)
	}
	if account == "unknown-account" {
		account = ""
	}
	if region == "unknown-region" {
		region = ""
	}
	return account, region, nil
}

// metadata is a stack's metadata in the manifest: entries by construct path.
type metadata map[string][]struct {
	Type string `json:"type"`
	Data any    `json:"data"`
}

// logicalPaths maps logical IDs to construct paths from the "aws:cdk:logicalId"
// entries of meta and of the file name in dir, if any.
func logicalPaths(dir string, meta metadata, name string) (map[string]string, error) {
	all := []metadata{meta}
	if name != "" {
		raw, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			return nil, err
		}
		var more metadata
		if err := json.Unmarshal(raw, &more); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		all = append(all, more)
	}
	out := map[string]string{}
	for _, m := range all {
		for path, entries := range m {
			for _, e := range entries {
				if id, ok := e.Data.(string); ok && e.Type == "aws:cdk:logicalId" {
					out[id] = path
				}
			}
		}
	}
	return out, nil
}
