package pipeline_test

import (
	"fmt"

	"github.com/go-landingzone/landingzone/constructs/pipeline"
)

// workloads returns nonProd accounts named dev-1... and prod accounts named prod-1...,
// with IDs from 300000000001.
func workloads(nonProd, prod int) []pipeline.Account {
	var out []pipeline.Account
	for i := range nonProd + prod {
		a := pipeline.Account{Name: fmt.Sprintf("dev-%d", i+1), ID: fmt.Sprintf("3%011d", i+1)}
		if i >= nonProd {
			a = pipeline.Account{Name: fmt.Sprintf("prod-%d", i-nonProd+1), ID: fmt.Sprintf("3%011d", i+1), Production: true}
		}
		out = append(out, a)
	}
	return out
}
