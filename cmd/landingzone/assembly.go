package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// stack is one stack of a cloud assembly.
type stack struct {
	// ID is the artifact ID, with its nested assembly's directory for a stage's stack
	// ("assembly-Prod/Prod-Network"), unique in the assembly.
	ID string
	// Name is the CloudFormation stack name; Account and Region its environment,
	// "unknown-account" and "unknown-region" when it has none.
	Name, Account, Region string
	// File is the template's path; Raw its bytes and Template the parsed JSON.
	File     string
	Raw      []byte
	Template map[string]any
}

// readAssembly reads every stack of the cloud assembly in dir, those of its nested
// assemblies (a CDK pipeline's stages) too, from the manifests.
func readAssembly(dir string) ([]stack, error) {
	abs, err := filepath.Abs(dir) // cfn-guard names templates by the path it was given
	if err != nil {
		return nil, err
	}
	var out []stack
	err = readManifest(abs, "", &out)
	return out, err
}

func readManifest(dir, prefix string, out *[]stack) error {
	raw, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
	if err != nil {
		return fmt.Errorf("not a cloud assembly: %w", err)
	}
	var manifest struct {
		Artifacts map[string]struct {
			Type        string `json:"type"`
			Environment string `json:"environment"`
			Properties  struct {
				TemplateFile  string `json:"templateFile"`
				StackName     string `json:"stackName"`
				DirectoryName string `json:"directoryName"`
			} `json:"properties"`
		} `json:"artifacts"`
	}
	if err := json.Unmarshal(raw, &manifest); err != nil {
		return fmt.Errorf("%s: %w", filepath.Join(dir, "manifest.json"), err)
	}
	for _, id := range sortedKeys(manifest.Artifacts) {
		a := manifest.Artifacts[id]
		switch a.Type {
		case "aws:cloudformation:stack":
			s := stack{ID: prefix + id, Name: a.Properties.StackName, File: filepath.Join(dir, a.Properties.TemplateFile)}
			if s.Name == "" {
				s.Name = id
			}
			env := strings.TrimPrefix(a.Environment, "aws://")
			s.Account, s.Region, _ = strings.Cut(env, "/")
			if s.Raw, err = os.ReadFile(s.File); err != nil {
				return err
			}
			if err := json.Unmarshal(s.Raw, &s.Template); err != nil {
				return fmt.Errorf("%s: %w", s.File, err)
			}
			*out = append(*out, s)
		case "cdk:cloud-assembly":
			sub := a.Properties.DirectoryName
			if err := readManifest(filepath.Join(dir, sub), prefix+sub+"/", out); err != nil {
				return err
			}
		}
	}
	return nil
}
